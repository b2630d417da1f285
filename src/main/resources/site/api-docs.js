// /api/docs: Swagger UI over the OpenAPI description (a file, as the Content-Security-Policy allows
// no inline script). The page loads its scripts deferred, so the element is there when this runs.
window.addEventListener("DOMContentLoaded", function () {
  window.ui = SwaggerUIBundle({url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true});
});
