/**
 * What pages show, as plain records shared by the features that compute them and the templates
 * (src/main/jte) that render them: links, statement rows, source lists. No web types here: a
 * feature builds a view, a test checks it without HTTP, and the web layer only picks a template.
 */
package org.w3id.copgraph.view;
