// The API's documentation page: Swagger UI (vendored) over this server's OpenAPI schema.
"use strict";
window.addEventListener("load", function () {
  const root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({ url: root.dataset.openapi, dom_id: "#swagger-ui", deepLinking: true,
    syntaxHighlight: false, tryItOutEnabled: false });
});
