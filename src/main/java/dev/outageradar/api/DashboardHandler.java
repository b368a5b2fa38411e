package dev.outageradar.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's pages and files: {@code /} (every service, most above normal first, each with a
 * sparkline), {@code /services/{id}} (a service's chart of the last 24 hours) and {@code /assets/...}.
 * The pages are plain HTML and JavaScript that poll the JSON API; everything they load comes from this
 * server (the Content-Security-Policy says so to the browser). Any other path is a JSON 404.
 */
final class DashboardHandler extends JsonHandler {

    static final String PATH = "/";
    private static final Pattern SERVICE_PAGE = Pattern.compile("/services/[a-z0-9-]+/?");
    private static final Pattern OWN_ASSET = Pattern.compile("/assets/([^/]+)");
    private static final Pattern UPLOT_ASSET = Pattern.compile("/assets/uplot/([^/]+)/([^/]+)");
    private static final String CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
            + " frame-ancestors 'none'";

    private final StaticAssets assets;

    DashboardHandler(StaticAssets assets) {
        this.assets = assets;
    }

    @Override
    Response get(Request request) {
        String path = request.path();
        Optional<StaticAssets.Asset> asset;
        Matcher uplot = UPLOT_ASSET.matcher(path);
        Matcher own = OWN_ASSET.matcher(path);
        if (path.equals(PATH)) {
            asset = assets.own("index.html");
        } else if (SERVICE_PAGE.matcher(path).matches()) {
            asset = assets.own("service.html");
        } else if (uplot.matches()) {
            asset = assets.uplot(uplot.group(1), uplot.group(2));
        } else if (own.matches() && !own.group(1).endsWith(".html")) {
            asset = assets.own(own.group(1));
        } else {
            asset = Optional.empty();
        }
        return asset.map(found -> answer(found, request))
                .orElseThrow(() -> ApiException.notFound("no such resource: " + path));
    }

    private static Response answer(StaticAssets.Asset asset, Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", asset.immutable() ? "public, max-age=31536000, immutable" : "no-cache");
        headers.put("ETag", asset.etag());
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Security-Policy", CSP);
        if (asset.etag().equals(request.ifNoneMatch())) {
            return new Response(304, asset.contentType(), new byte[0], headers);
        }
        return new Response(200, asset.contentType(), asset.body(), headers);
    }
}
