// Starts Swagger UI on /api/docs (a file, so that a Content-Security-Policy of 'self' allows it).
window.addEventListener("DOMContentLoaded", function () {
  window.ui = SwaggerUIBundle({url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true});
});
