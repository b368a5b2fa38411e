package dev.outageradar.api;

/** A request the API answers with an error status and a one-line reason in a JSON body. */
final class ApiException extends RuntimeException {

    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    /** The state cannot be read right now (starting, rebalancing): worth retrying. */
    static ApiException unavailable(String message) {
        return new ApiException(503, message);
    }
}
