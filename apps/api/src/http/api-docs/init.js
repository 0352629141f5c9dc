// Starts Swagger UI on /api/docs (served from our origin: CSP script-src 'self', no inline script).
globalThis.addEventListener('DOMContentLoaded', function () {
  globalThis.SwaggerUIBundle({
    url: '/api/v1/openapi.json',
    dom_id: '#api-reference',
    deepLinking: true,
    // Never send the document to validator.swagger.io (offline, and nothing leaves our origin).
    validatorUrl: null,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    displayOperationId: true,
    tryItOutEnabled: false,
  });
});
