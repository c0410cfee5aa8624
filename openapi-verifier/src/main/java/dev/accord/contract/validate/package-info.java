/**
 * A provider's real response judged against an OpenAPI document: the status is documented (or
 * {@code default}), the required headers are sent, the content type is one the document produces,
 * and the body fits its schema.
 */
package dev.accord.contract.validate;
