package dev.outageradar.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's pages and files as a browser gets them: types, caching, and that no path, however
 * written, reaches a file outside the dashboard's folder and the two uPlot files. Requests are written by
 * hand on a socket, so the paths reach the server exactly as written (an HTTP client would normalize them).
 */
class DashboardAssetsTest {

    private static HttpServer server;
    private static String uplot;

    @BeforeAll
    static void serve() throws IOException {
        StaticAssets assets = new StaticAssets();
        uplot = "/assets/uplot/" + assets.uplotVersion() + "/";
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(DashboardHandler.PATH, new DashboardHandler(assets));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void theBundledUplotIsTheWebjarsVersion() {
        assertThat(new StaticAssets().uplotVersion()).isEqualTo("1.6.30");
    }

    @Test
    void pagesAreHtmlThatLoadTheBundledUplotAndAreRevalidated() throws IOException {
        Answer index = get("/");
        Answer service = get("/services/spotify");

        assertThat(index.status()).isEqualTo(200);
        assertThat(index.header("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(index.header("cache-control")).isEqualTo("no-cache");
        assertThat(index.header("etag")).matches("\"[0-9a-f]{24}\"");
        assertThat(index.header("content-security-policy")).startsWith("default-src 'self';");
        assertThat(index.body()).contains("<script src=\"/assets/index.js\"></script>");
        assertThat(service.status()).isEqualTo(200);
        assertThat(service.body()).contains("<script src=\"" + uplot + "uPlot.iife.min.js\"></script>")
                .contains("<link rel=\"stylesheet\" href=\"" + uplot + "uPlot.min.css\">")
                .doesNotContain("@UPLOT_VERSION@")
                .doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void scriptsAndStylesHaveTheirTypesAndTheVersionedLibraryIsCachedForGood() throws IOException {
        Answer script = get("/assets/service.js");
        Answer style = get("/assets/style.css");
        Answer library = get(uplot + "uPlot.iife.min.js");
        Answer libraryStyle = get(uplot + "uPlot.min.css");

        assertThat(script.header("content-type")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(script.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(script.header("cache-control")).isEqualTo("no-cache");
        assertThat(style.header("content-type")).isEqualTo("text/css; charset=utf-8");
        assertThat(library.status()).isEqualTo(200);
        assertThat(library.header("content-type")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(library.header("cache-control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(library.body()).startsWith("/*! https://github.com/leeoniya/uPlot").contains("var uPlot");
        assertThat(libraryStyle.header("content-type")).isEqualTo("text/css; charset=utf-8");
    }

    @Test
    void aFileTheBrowserAlreadyHasIsA304WithoutABody() throws IOException {
        String etag = get("/assets/common.js").header("etag");

        Answer again = get("/assets/common.js", Map.of("If-None-Match", etag));
        Answer stale = get("/assets/common.js", Map.of("If-None-Match", "\"something-else\""));

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("etag")).isEqualTo(etag);
        assertThat(stale.status()).isEqualTo(200);
    }

    @Test
    void noPathReachesAFileOutsideTheDashboardAndTheTwoUplotFiles() throws IOException {
        List<String> attempts = List.of(
                "/assets/../../../../../../etc/passwd",
                "/assets/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "/assets/..%2f..%2flogback.xml",
                "/assets/%2e%2e%2flogback.xml",
                "/assets/logback.xml",
                "/assets/..\\logback.xml",
                "/assets/index.js/../../logback.xml",
                uplot + "../../../../logback.xml",
                uplot + "%2e%2e/%2e%2e/%2e%2e/%2e%2e/logback.xml",
                uplot + "uPlot.d.ts",
                uplot + "../package.json",
                "/assets/uplot/1.6.29/uPlot.iife.min.js",
                "/assets/uplot/..%2f1.6.30/uPlot.iife.min.js",
                "/assets/",
                "/assets/index.html",
                "/assets/.hidden.js",
                "/assets/INDEX.JS",
                "/dashboard/index.html",
                "/services/../../etc/passwd",
                "/services/spotify/../../../etc/passwd",
                "/META-INF/resources/webjars/uplot/1.6.30/package.json",
                "/schemas/outage-alert.v1.schema.json");
        for (String path : attempts) {
            Answer answer = get(path);
            assertThat(answer.status()).as(path).isIn(400, 404);
            assertThat(answer.body()).as(path)
                    .doesNotContain("root:").doesNotContain("<configuration").doesNotContain("\"name\": \"uplot\"")
                    .doesNotContain("$schema").doesNotContain("<html");
        }
    }

    @Test
    void onlyGetIsAllowed() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getAddress().getPort())) {
            Answer answer = exchange(socket, "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n");
            assertThat(answer.status()).isEqualTo(405);
            assertThat(answer.header("allow")).isEqualTo("GET");
        }
    }

    // ---- a minimal HTTP/1.1 client that sends the path as written

    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static Answer get(String path) throws IOException {
        return get(path, Map.of());
    }

    private static Answer get(String path, Map<String, String> headers) throws IOException {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", server.getAddress().getPort())) {
            return exchange(socket, request.toString());
        }
    }

    private static Answer exchange(Socket socket, String request) throws IOException {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = socket.getInputStream();
        String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int end = raw.indexOf("\r\n\r\n");
        String[] head = raw.substring(0, end).split("\r\n");
        Map<String, String> parsed = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            parsed.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
        }
        return new Answer(Integer.parseInt(head[0].split(" ")[1]), parsed, raw.substring(end + 4));
    }
}
