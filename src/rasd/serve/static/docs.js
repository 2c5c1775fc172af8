// Swagger UI over rasd's own /openapi.json, from the vendored swagger-ui-dist (no CDN); no validator badge,
// which would ask an outside server.
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", validatorUrl: null, deepLinking: true });
