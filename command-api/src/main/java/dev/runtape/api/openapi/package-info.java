/** The OpenAPI document and Swagger UI: the API's description, its credentials, its problem documents. */
@NullMarked
package dev.runtape.api.openapi;

import org.jspecify.annotations.NullMarked;
