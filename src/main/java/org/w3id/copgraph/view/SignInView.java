package org.w3id.copgraph.view;

/**
 * The sign-in page.
 *
 * @param returnTo   the path to go back to after signing in (a path on this site)
 * @param message    why the last attempt failed, or null
 * @param signedInAs who the browser is signed in as already, or null
 */
public record SignInView(String returnTo, String message, String signedInAs) {
}
