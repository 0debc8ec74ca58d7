package org.symtensor.train.viz;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium driven over the DevTools protocol (a WebSocket from {@code java.net.http}): loads
 * a page, waits in real time for an expression to become true, evaluates expressions, and collects
 * every console error, uncaught exception and browser log error. The browser is found on the PATH
 * ({@code chromium}, {@code chromium-browser}, {@code google-chrome}); without it a test is skipped,
 * except under {@code CI=true}, where it fails (.ci/run installs Debian's chromium), as the OpenCL
 * tests do without a driver.
 */
final class Chromium implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Pattern PAGE_SOCKET = Pattern.compile(
            "\"type\"\\s*:\\s*\"page\"[^}]*?\"webSocketDebuggerUrl\"\\s*:\\s*\"([^\"]+)\"");

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();

    static Path require() {
        for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        String problem = "no headless browser on the PATH (install Debian's chromium: apt-get install chromium)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(problem + "; CI=true requires it");
        }
        Assumptions.abort(problem);
        return null;
    }

    private Chromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Starts a headless browser with a fresh profile under {@code workDir} and attaches to its blank page. */
    static Chromium start(Path browser, Path workDir) throws Exception {
        Path profile = Files.createDirectories(workDir.resolve("profile"));
        List<String> cmd = List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--remote-debugging-port=0", "--user-data-dir=" + profile.toAbsolutePath(),
                "about:blank");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(workDir.resolve("chromium.out").toFile());
        pb.environment().put("TMPDIR", Files.createDirectories(workDir.resolve("tmp")).toString()); // its sockets too
        Process p = pb.start();
        String browserSocket = null;
        StringBuilder log = new StringBuilder();
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (browserSocket == null && System.nanoTime() < deadline && (line = err.readLine()) != null) {
            log.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                browserSocket = m.group(1);
            }
        }
        if (browserSocket == null) {
            p.destroyForcibly();
            fail("chromium did not open its DevTools port; its log:\n" + log);
        }
        Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        URI http = URI.create(browserSocket.replaceFirst("^ws://", "http://").replaceFirst("/devtools/.*$", "/json/list"));
        HttpClient client = HttpClient.newHttpClient();
        String list = client.send(HttpRequest.newBuilder(http).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher page = PAGE_SOCKET.matcher(list);
        if (!page.find()) {
            p.destroyForcibly();
            fail("chromium has no page target: " + list);
        }
        Chromium[] self = new Chromium[1];
        Listener listener = new Listener(self);
        WebSocket ws = client.newWebSocketBuilder().buildAsync(URI.create(page.group(1)), listener).get(30, TimeUnit.SECONDS);
        self[0] = new Chromium(p, ws);
        self[0].call("Runtime.enable", "{}");
        self[0].call("Log.enable", "{}");
        self[0].call("Page.enable", "{}");
        return self[0];
    }

    /** Navigates to {@code page}. */
    void open(Path page) throws Exception {
        call("Page.navigate", "{\"url\":" + GraphPage.json(page.toUri().toString()) + "}");
    }

    /** The value of a JavaScript expression, as a string ({@code String(...)} of it). */
    String evaluate(String expression) throws Exception {
        String r = call("Runtime.evaluate", "{\"expression\":" + GraphPage.json("String(" + expression + ")")
                + ",\"returnByValue\":true}");
        Matcher m = Pattern.compile("\"value\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(r);
        return m.find() ? unescape(m.group(1)) : null;
    }

    /** Waits, in real time, until {@code condition} evaluates to "true"; false on timeout. */
    boolean waitFor(String condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if ("true".equals(evaluate(condition))) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Console errors, uncaught exceptions and browser log errors seen so far. */
    List<String> errors() {
        return new ArrayList<>(errors);
    }

    private String call(String method, String params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<String> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true)
                .get(30, TimeUnit.SECONDS);
        return f.get(60, TimeUnit.SECONDS);
    }

    private void onMessage(String json) {
        Matcher id = Pattern.compile("^\\{\"id\"\\s*:\\s*(\\d+)").matcher(json);
        if (id.find()) {
            CompletableFuture<String> f = pending.remove(Integer.parseInt(id.group(1)));
            if (f != null) {
                f.complete(json);
            }
            return;
        }
        if (json.contains("\"method\":\"Runtime.exceptionThrown\"")) {
            errors.add("uncaught exception: " + json);
        } else if (json.contains("\"method\":\"Runtime.consoleAPICalled\"") && json.contains("\"type\":\"error\"")) {
            errors.add("console.error: " + json);
        } else if (json.contains("\"method\":\"Log.entryAdded\"") && json.contains("\"level\":\"error\"")) {
            errors.add("log error: " + json);
        }
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                sb.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> sb.append(n);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            socket.sendText("{\"id\":" + ids.incrementAndGet() + ",\"method\":\"Browser.close\",\"params\":{}}", true)
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the browser is stopped below anyway
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroy();
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Reassembles fragmented frames and hands whole messages to the browser object. */
    private static final class Listener implements WebSocket.Listener {
        private final Chromium[] owner;
        private final StringBuilder buffer = new StringBuilder();
        private final List<String> early = new ArrayList<>();

        Listener(Chromium[] owner) {
            this.owner = owner;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String msg = buffer.toString();
                buffer.setLength(0);
                if (owner[0] == null) {
                    early.add(msg);
                } else {
                    for (String e : early) {
                        owner[0].onMessage(e);
                    }
                    early.clear();
                    owner[0].onMessage(msg);
                }
            }
            ws.request(1);
            return null;
        }
    }
}
