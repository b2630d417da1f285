// /api/docs: Swagger UI over the OpenAPI description (a file, as the Content-Security-Policy allows no inline script).
window.ui = SwaggerUIBundle({url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true});
