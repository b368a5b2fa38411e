package dev.outageradar.api;

/** Every path no endpoint claims: a JSON 404 instead of the server's HTML page. */
final class NotFoundHandler extends JsonHandler {

    @Override
    Response get(Request request) {
        throw ApiException.notFound("no such resource: " + request.path());
    }
}
