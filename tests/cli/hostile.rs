//! The client against hostile servers (issue 7): a small raw TCP server on loopback answers with
//! proxy error pages, broken or endless bodies, deep nesting, wrong content types, slow drips,
//! redirects to another host, a self-signed certificate and a broken token endpoint. Each case
//! runs the real `lsr` binary and asserts a clear error, the documented exit code, completion within
//! the client's (shortened) timeout, and that no credential shows in stdout or stderr at `-vv`.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common;

const CLIENT_ID: &str = "hostile-client";
const CLIENT_SECRET: &str = "hostile-client-secret-7f3a9c";
const BEARER: &str = "hostile-bearer-token-51d2e8";
const USERNAME: &str = "hostile-user";
const PASSWORD: &str = "hostile-basic-password-90b1";
const ACCOUNT: &str = "9900001";
/// `LSR_HTTP_TIMEOUT_SECS` for every case: short, so a hang shows as a slow test.
const TIMEOUT_SECS: u64 = 2;
/// What "within its timeouts" means here: the timeout, one retry's backoff and process start.
const WITHIN: Duration = Duration::from_secs(TIMEOUT_SECS + 3);

/// One request the server read.
#[derive(Debug, Clone)]
pub(crate) struct Seen {
    pub(crate) method: String,
    pub(crate) target: String,
    pub(crate) authorization: Option<String>,
}

type Answer = dyn Fn(&Seen, &mut dyn Write) -> std::io::Result<()> + Send + Sync;

/// A loopback server that answers every request with a test's closure; stops on drop (also
/// the replay server of `conformance.rs` and the proxy of `auth.rs`).
pub(crate) struct HostileServer {
    pub(crate) addr: SocketAddr,
    seen: Arc<Mutex<Vec<Seen>>>,
    connections: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
}

impl HostileServer {
    /// The token endpoint answers properly; every other request goes to `api`.
    pub(crate) fn start(
        api: impl Fn(&Seen, &mut dyn Write) -> std::io::Result<()> + Send + Sync + 'static,
    ) -> HostileServer {
        HostileServer::start_raw(move |seen, out| {
            if seen.target.ends_with("/oauth2/token") {
                reply(out, "200 OK", "application/json", token_json().as_bytes())
            } else {
                api(seen, out)
            }
        })
    }

    /// Every request, the token endpoint's too, goes to `answer`.
    pub(crate) fn start_raw(
        answer: impl Fn(&Seen, &mut dyn Write) -> std::io::Result<()> + Send + Sync + 'static,
    ) -> HostileServer {
        HostileServer::serve(Arc::new(answer), None)
    }

    /// Serves https with the self-signed certificate of `tests/fixtures/tls/`.
    fn start_tls(
        answer: impl Fn(&Seen, &mut dyn Write) -> std::io::Result<()> + Send + Sync + 'static,
    ) -> HostileServer {
        HostileServer::serve(Arc::new(answer), Some(self_signed_config()))
    }

    fn serve(answer: Arc<Answer>, tls: Option<Arc<rustls::ServerConfig>>) -> HostileServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (seen2, connections2, stop2) = (seen.clone(), connections.clone(), stop.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                connections2.fetch_add(1, Ordering::SeqCst);
                let (answer, seen, tls) = (answer.clone(), seen2.clone(), tls.clone());
                std::thread::spawn(move || {
                    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
                    let _ = match tls {
                        Some(config) => {
                            let Ok(conn) = rustls::ServerConnection::new(config) else {
                                return;
                            };
                            let mut tls_stream = rustls::StreamOwned::new(conn, stream);
                            serve_connection(&mut tls_stream, &*answer, &seen)
                        }
                        None => {
                            let mut stream = stream;
                            serve_connection(&mut stream, &*answer, &seen)
                        }
                    };
                });
            }
        });
        HostileServer {
            addr,
            seen,
            connections,
            stop,
        }
    }

    pub(crate) fn api_url(&self) -> String {
        format!("http://{}/api/v1", self.addr)
    }

    pub(crate) fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    fn count(&self, method: &str) -> usize {
        self.seen().iter().filter(|s| s.method == method).count()
    }

    /// POSTs of an order (not of the token endpoint).
    fn order_posts(&self) -> usize {
        self.seen()
            .iter()
            .filter(|s| s.method == "POST" && s.target.ends_with("/lsrorders"))
            .count()
    }
}

impl Drop for HostileServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so its thread ends.
        let _ = TcpStream::connect(self.addr);
    }
}

/// Reads one request (headers and a Content-Length body) and lets `answer` write the reply.
fn serve_connection<S: Read + Write>(
    stream: &mut S,
    answer: &Answer,
    seen: &Mutex<Vec<Seen>>,
) -> std::io::Result<()> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte)? == 0 || head.len() > 64 * 1024 {
            return Ok(());
        }
        head.push(byte[0]);
    }
    let text = String::from_utf8_lossy(&head).to_string();
    let mut lines = text.split("\r\n");
    let mut request_line = lines.next().unwrap_or_default().split(' ');
    let method = request_line.next().unwrap_or_default().to_string();
    let target = request_line.next().unwrap_or_default().to_string();
    let mut authorization = None;
    let mut length = 0usize;
    for line in lines {
        if let Some((name, value)) = line.split_once(':') {
            match name.trim().to_ascii_lowercase().as_str() {
                "authorization" => authorization = Some(value.trim().to_string()),
                "content-length" => length = value.trim().parse().unwrap_or(0),
                _ => {}
            }
        }
    }
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body)?;
    let request = Seen {
        method,
        target,
        authorization,
    };
    seen.lock().unwrap().push(request.clone());
    // Straight to the connection, so drips and endless bodies go out as written.
    let result = answer(&request, stream);
    let _ = stream.flush();
    result
}

pub(crate) fn reply(
    out: &mut dyn Write,
    status: &str,
    content_type: &str,
    body: &[u8],
) -> std::io::Result<()> {
    write!(
        out,
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    out.write_all(body)?;
    out.flush()
}

fn token_json() -> String {
    format!(r#"{{"access_token":"{BEARER}","token_type":"Bearer","expires_in":3600}}"#)
}

pub(crate) const ORDER_XML: &str =
    include_str!("../fixtures/wire/get-lsrorders-id-200-example.xml");
const EMPTY_LIST: &str = "<?xml version=\"1.0\"?><LsrOrders><TotalCount>0</TotalCount></LsrOrders>";
const PROXY_502: &str = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\
<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";

fn self_signed_config() -> Arc<rustls::ServerConfig> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tls");
    let cert = CertificateDer::from_pem_file(dir.join("self-signed.cert.pem")).unwrap();
    let key = PrivateKeyDer::from_pem_file(dir.join("self-signed.key.pem")).unwrap();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(vec![cert], key)
    .unwrap();
    Arc::new(config)
}

/// What one `lsr` run did.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

/// `lsr -vv` against `base_url` with OAuth2 client credentials and the short timeout.
pub(crate) fn lsr_at(base_url: &str, config_dir: &Path) -> assert_cmd::Command {
    let mut cmd = common::lsr(config_dir);
    cmd.env("LSR_BASE_URL", base_url)
        .env("LSR_ACCOUNT_ID", ACCOUNT)
        .env("LSR_CLIENT_ID", CLIENT_ID)
        .env("LSR_CLIENT_SECRET", CLIENT_SECRET)
        .env("LSR_HTTP_TIMEOUT_SECS", TIMEOUT_SECS.to_string())
        .arg("-vv")
        // A hang is a failure, not a stuck test run.
        .timeout(Duration::from_secs(60));
    cmd
}

fn run_lsr(mut cmd: assert_cmd::Command, args: &[&str]) -> Run {
    let started = Instant::now();
    let out = cmd.args(args).output().unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).to_string(),
        stderr: String::from_utf8_lossy(&out.stderr).to_string(),
        elapsed: started.elapsed(),
    }
}

fn status_at(server_url: &str) -> Run {
    let dir = tempfile::tempdir().unwrap();
    run_lsr(lsr_at(server_url, dir.path()), &["status", "ORD-1"])
}

fn submit_at(server_url: &str) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let file = common::write_order_file(dir.path(), "HOSTILE-1", &["919-555-0142"]);
    run_lsr(
        lsr_at(server_url, dir.path()),
        &["submit", "--from", file.to_str().unwrap()],
    )
}

/// The credentials in every form they could leak in: as given, as the Basic header's base64.
fn credential_forms() -> Vec<String> {
    use base64::Engine as _;
    let b64 = |s: String| base64::engine::general_purpose::STANDARD.encode(s);
    vec![
        CLIENT_SECRET.to_string(),
        BEARER.to_string(),
        PASSWORD.to_string(),
        b64(format!("{CLIENT_ID}:{CLIENT_SECRET}")),
        b64(format!("{USERNAME}:{PASSWORD}")),
    ]
}

/// A clear failure: the exit code, `lsr: error:` with `phrase`, one hint, in time, no
/// credential and no terminal escape anywhere in the output.
fn assert_clear_failure(run: &Run, exit: i32, phrase: &str) {
    let all = format!("{}\n{}", run.stdout, run.stderr);
    assert_eq!(run.code, Some(exit), "wrong exit code:\n{all}");
    assert!(
        run.stderr.contains("lsr: error:") && run.stderr.contains(phrase),
        "expected an error naming `{phrase}`:\n{all}"
    );
    assert!(run.stderr.contains("hint:"), "no hint:\n{all}");
    assert!(
        run.elapsed < WITHIN,
        "took {:?}, longer than the timeout allows:\n{all}",
        run.elapsed
    );
    assert_no_credentials(&all);
}

fn assert_no_credentials(all: &str) {
    for secret in credential_forms() {
        assert!(
            !all.contains(&secret),
            "a credential leaked ({secret}):\n{all}"
        );
    }
    assert!(
        !all.contains('\u{1b}'),
        "a terminal escape got through:\n{all:?}"
    );
}

#[test]
fn hostile_proxy_html_502_is_a_server_error() {
    let server = HostileServer::start(|_, out| {
        reply(out, "502 Bad Gateway", "text/html", PROXY_502.as_bytes())
    });
    let run = status_at(&server.api_url());
    assert_clear_failure(&run, 5, "HTTP 502");
    // The page itself is noise, not an explanation.
    assert!(!run.stderr.contains("<html"), "{}", run.stderr);
    // A GET is retried, but only within the timeout.
    assert!(server.count("GET") > 1, "{:?}", server.seen());
}

#[test]
fn hostile_html_200_page_is_not_an_order() {
    let server =
        HostileServer::start(|_, out| reply(out, "200 OK", "text/html", PROXY_502.as_bytes()));
    assert_clear_failure(&status_at(&server.api_url()), 5, "cannot read the answer");
}

#[test]
fn hostile_truncated_xml_is_a_decode_error() {
    let server = HostileServer::start(|_, out| {
        reply(
            out,
            "200 OK",
            "application/xml",
            &ORDER_XML.as_bytes()[..ORDER_XML.len() / 2],
        )
    });
    assert_clear_failure(&status_at(&server.api_url()), 5, "cannot read the answer");
}

#[test]
fn hostile_body_cut_short_of_its_content_length_is_a_network_error() {
    let server = HostileServer::start(|_, out| {
        write!(
            out,
            "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: 5000\r\n\r\n"
        )?;
        out.write_all(&ORDER_XML.as_bytes()[..100])?;
        out.flush()
    });
    let run = status_at(&server.api_url());
    assert_clear_failure(&run, 5, "broke off");
}

#[test]
fn hostile_endless_body_is_cut_off() {
    let server = HostileServer::start(|_, out| {
        write!(
            out,
            "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nTransfer-Encoding: chunked\r\n\r\n"
        )?;
        out.write_all(b"6\r\n<Lsr>\n\r\n")?;
        let chunk = format!("{:x}\r\n{}\r\n", 64 * 1024, "x".repeat(64 * 1024));
        // Until the client hangs up.
        loop {
            out.write_all(chunk.as_bytes())?;
        }
    });
    assert_clear_failure(&status_at(&server.api_url()), 5, "larger than");
}

#[test]
fn hostile_ten_thousand_nested_elements_are_refused() {
    let deep = format!(
        "<LsrOrder>{}{}</LsrOrder>",
        "<a>".repeat(10_000),
        "</a>".repeat(10_000)
    );
    let for_get = deep.clone();
    let server = HostileServer::start(move |_, out| {
        reply(out, "200 OK", "application/xml", for_get.as_bytes())
    });
    assert_clear_failure(&status_at(&server.api_url()), 5, "deeper than 32 levels");
    // The same nesting in an error answer: the error is still reported, as a rejection.
    let server = HostileServer::start(move |seen, out| match seen.method.as_str() {
        "GET" => reply(out, "200 OK", "application/xml", EMPTY_LIST.as_bytes()),
        _ => reply(out, "400 Bad Request", "application/xml", deep.as_bytes()),
    });
    assert_clear_failure(&submit_at(&server.api_url()), 4, "HTTP 400");
}

#[test]
fn hostile_json_answer_is_refused() {
    let server = HostileServer::start(|_, out| {
        reply(
            out,
            "200 OK",
            "application/json",
            br#"{"orderId": "ORD-1", "status": "FOC"}"#,
        )
    });
    assert_clear_failure(&status_at(&server.api_url()), 5, "cannot read the answer");
}

/// Decision: the body decides, not `Content-Type`. A well-formed lsrorders body labelled
/// text/plain (seen from misconfigured proxies) is read; anything else fails on its content.
#[test]
fn hostile_xml_labelled_text_plain_is_read() {
    let server =
        HostileServer::start(|_, out| reply(out, "200 OK", "text/plain", ORDER_XML.as_bytes()));
    let dir = tempfile::tempdir().unwrap();
    let run = run_lsr(
        lsr_at(&server.api_url(), dir.path()),
        &["--json", "status", "ORD-1"],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains("testpon1002"), "{}", run.stdout);
    assert_no_credentials(&format!("{}{}", run.stdout, run.stderr));
}

#[test]
fn hostile_slow_drip_times_out() {
    let server = HostileServer::start(|_, out| {
        let whole = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: {}\r\n\r\n{ORDER_XML}",
            ORDER_XML.len()
        );
        for byte in whole.as_bytes() {
            out.write_all(&[*byte])?;
            out.flush()?;
            std::thread::sleep(Duration::from_secs(1));
        }
        Ok(())
    });
    let run = status_at(&server.api_url());
    assert_clear_failure(&run, 5, &format!("timed out after {TIMEOUT_SECS}s"));
    // One timeout, not one per retry.
    assert_eq!(server.count("GET"), 1, "{:?}", server.seen());
}

#[test]
fn hostile_slow_drip_on_submit_is_checked_not_resent_blindly() {
    let server = HostileServer::start(|seen, out| match seen.method.as_str() {
        "GET" => reply(out, "200 OK", "application/xml", EMPTY_LIST.as_bytes()),
        _ => {
            write!(
                out,
                "HTTP/1.1 201 Created\r\nContent-Type: application/xml\r\n"
            )?;
            loop {
                out.write_all(b"X")?;
                out.flush()?;
                std::thread::sleep(Duration::from_secs(1));
            }
        }
    });
    let run = submit_at(&server.api_url());
    assert_clear_failure(&run, 5, "is unknown");
    assert!(
        run.stderr.contains("lsr search --customer-order-id"),
        "{}",
        run.stderr
    );
    assert_eq!(server.order_posts(), 1, "{:?}", server.seen());
}

#[test]
fn hostile_redirect_to_another_host_carries_no_credentials() {
    let elsewhere = HostileServer::start_raw(|_, out| {
        reply(out, "200 OK", "application/xml", ORDER_XML.as_bytes())
    });
    let target = format!(
        "http://{}/api/v1/accounts/{ACCOUNT}/lsrorders/ORD-1",
        elsewhere.addr
    );
    let to = target.clone();
    let server = HostileServer::start(move |_, out| {
        write!(
            out,
            "HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\n\r\n"
        )?;
        out.flush()
    });
    assert_clear_failure(
        &status_at(&server.api_url()),
        5,
        "redirects are not followed",
    );
    assert_clear_failure(
        &submit_at(&server.api_url()),
        5,
        "redirects are not followed",
    );
    // A redirecting token endpoint must not get the client secret sent on either.
    let to = target.clone();
    let token_redirect = HostileServer::start_raw(move |_, out| {
        write!(
            out,
            "HTTP/1.1 307 Temporary Redirect\r\nLocation: {to}\r\nContent-Length: 0\r\n\r\n"
        )?;
        out.flush()
    });
    assert_clear_failure(
        &status_at(&token_redirect.api_url()),
        5,
        "redirects are not followed",
    );
    // Legacy Basic credentials stay home too.
    let dir = tempfile::tempdir().unwrap();
    let basic = lsr_at(&server.api_url(), dir.path());
    let mut basic = basic;
    basic
        .env_remove("LSR_CLIENT_ID")
        .env_remove("LSR_CLIENT_SECRET")
        .env("LSR_USERNAME", USERNAME)
        .env("LSR_PASSWORD", PASSWORD);
    assert_clear_failure(
        &run_lsr(basic, &["status", "ORD-1"]),
        5,
        "redirects are not followed",
    );
    assert_eq!(
        elsewhere.connections.load(Ordering::SeqCst),
        0,
        "{:?}",
        elsewhere.seen()
    );
    // The first server did get the credentials it was configured for.
    assert!(
        server
            .seen()
            .iter()
            .any(|s| s.authorization.as_deref() == Some(&format!("Bearer {BEARER}")))
    );
}

#[test]
fn hostile_self_signed_tls_is_refused() {
    let server = HostileServer::start_tls(|_, out| {
        reply(out, "200 OK", "application/xml", ORDER_XML.as_bytes())
    });
    let url = format!("https://127.0.0.1:{}/api/v1", server.addr.port());
    let run = status_at(&url);
    assert_clear_failure(&run, 5, "certificate");
    assert!(
        server.seen().is_empty(),
        "a request got through: {:?}",
        server.seen()
    );
}

#[test]
fn hostile_token_endpoint_garbage_is_reported_before_anything_is_sent() {
    let garbage = HostileServer::start_raw(|seen, out| {
        if seen.target.ends_with("/oauth2/token") {
            reply(out, "200 OK", "text/html", PROXY_502.as_bytes())
        } else {
            reply(out, "200 OK", "application/xml", EMPTY_LIST.as_bytes())
        }
    });
    assert_clear_failure(
        &status_at(&garbage.api_url()),
        5,
        "did not answer with an OAuth2 token",
    );
    let run = submit_at(&garbage.api_url());
    assert_clear_failure(&run, 5, "did not answer with an OAuth2 token");
    // Nothing was sent, so the outcome is not "unknown".
    assert!(!run.stderr.contains("is unknown"), "{}", run.stderr);
    assert_eq!(
        garbage.count("POST"),
        garbage
            .seen()
            .iter()
            .filter(|s| s.target.ends_with("/oauth2/token"))
            .count()
    );
    // JSON without a token is garbage too.
    let tokenless = HostileServer::start_raw(|_, out| {
        reply(
            out,
            "200 OK",
            "application/json",
            br#"{"token_type":"Bearer"}"#,
        )
    });
    assert_clear_failure(
        &status_at(&tokenless.api_url()),
        5,
        "did not answer with an OAuth2 token",
    );
    // A token that would inject a header is refused, and not cached for the next run.
    let injecting = HostileServer::start_raw(|_, out| {
        let token =
            r#"{"access_token":"abc\r\nX-Injected: 1","token_type":"Bearer","expires_in":3600}"#;
        reply(out, "200 OK", "application/json", token.as_bytes())
    });
    let dir = tempfile::tempdir().unwrap();
    for _ in 0..2 {
        let run = run_lsr(
            lsr_at(&injecting.api_url(), dir.path()),
            &["status", "ORD-1"],
        );
        assert_clear_failure(&run, 5, "characters a header cannot carry");
    }
    assert!(!dir.path().join("token-cache.json").exists());
    assert!(
        injecting
            .seen()
            .iter()
            .all(|s| s.target.ends_with("/oauth2/token"))
    );
    // A refused secret is an authentication failure.
    let refused = HostileServer::start_raw(|_, out| {
        reply(
            out,
            "401 Unauthorized",
            "application/json",
            br#"{"error":"invalid_client"}"#,
        )
    });
    assert_clear_failure(
        &status_at(&refused.api_url()),
        6,
        "refused the client credentials",
    );
}

#[test]
fn hostile_empty_200_body_is_an_error_and_never_a_blind_resend() {
    let server = HostileServer::start(|_, out| reply(out, "200 OK", "application/xml", b""));
    assert_clear_failure(&status_at(&server.api_url()), 5, "cannot read the answer");
    // On submit: an empty 2xx names no order, so the client looks before each resend.
    let server = HostileServer::start(|seen, out| match seen.method.as_str() {
        "GET" => reply(out, "200 OK", "application/xml", EMPTY_LIST.as_bytes()),
        _ => reply(out, "200 OK", "application/xml", b""),
    });
    let run = submit_at(&server.api_url());
    assert_clear_failure(&run, 5, "is unknown");
    let seen = server.seen();
    let posts: Vec<usize> = seen
        .iter()
        .enumerate()
        .filter(|(_, s)| s.method == "POST" && !s.target.ends_with("/oauth2/token"))
        .map(|(i, _)| i)
        .collect();
    assert!(!posts.is_empty() && posts.len() <= 3, "{seen:?}");
    for pair in posts.windows(2) {
        assert!(
            seen[pair[0]..pair[1]]
                .iter()
                .any(|s| s.target.contains("customerOrderId=")),
            "resent without looking first: {seen:?}"
        );
    }
}

#[test]
fn hostile_huge_content_length_is_refused_before_reading() {
    let server = HostileServer::start(|_, out| {
        write!(
            out,
            "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: 1099511627776\r\n\r\n<LsrOrder>"
        )?;
        out.flush()?;
        // Hold the connection: the client must not wait for the terabyte.
        std::thread::sleep(Duration::from_secs(TIMEOUT_SECS + 5));
        Ok(())
    });
    let run = status_at(&server.api_url());
    assert_clear_failure(&run, 5, "larger than");
    assert!(
        run.elapsed < Duration::from_secs(TIMEOUT_SECS),
        "waited for the body: {:?}",
        run.elapsed
    );
}

#[test]
fn hostile_terminal_escapes_in_server_text_are_not_printed() {
    let answer = "<LsrOrderResponse><ResponseStatus><ErrorCode>400</ErrorCode>\
<Description>\u{1b}[2J\u{1b}]0;pwned\u{7}validation failed</Description></ResponseStatus>\
<LsrOrderErrors><LsrOrderError><Code>17023</Code><Description>\u{1b}[31mred\u{1b}[0m alert</Description>\
</LsrOrderError></LsrOrderErrors></LsrOrderResponse>";
    let server = HostileServer::start(move |seen, out| match seen.method.as_str() {
        "GET" => reply(out, "200 OK", "application/xml", EMPTY_LIST.as_bytes()),
        _ => reply(out, "400 Bad Request", "application/xml", answer.as_bytes()),
    });
    let submitted = submit_at(&server.api_url());
    assert_clear_failure(&submitted, 4, "17023");
    // A GET order whose error texts carry escapes (as character references).
    let order = ORDER_XML.replace("FOC date cannot fall on a holiday", "&#27;[2Jwiped");
    let server = HostileServer::start(move |_, out| {
        reply(out, "200 OK", "application/xml", order.as_bytes())
    });
    let dir = tempfile::tempdir().unwrap();
    for output in ["table", "json", "tsv"] {
        let run = run_lsr(
            lsr_at(&server.api_url(), dir.path()),
            &["--output", output, "status", "ORD-1"],
        );
        assert_clear_failure(&run, 5, "control character U+001B");
    }
}

#[test]
fn hostile_bad_timeout_setting_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = lsr_at("http://127.0.0.1:9/api/v1", dir.path());
    cmd.env("LSR_HTTP_TIMEOUT_SECS", "soon");
    let run = run_lsr(cmd, &["status", "ORD-1"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("LSR_HTTP_TIMEOUT_SECS"),
        "{}",
        run.stderr
    );
}

/// A 429 on a create is absorbed (looked up, then resent), and its `Retry-After` is handed to
/// the caller, so a batch can slow its next orders down too.
#[test]
fn hostile_429_pushback_reaches_the_caller() {
    const CREATED: &str = include_str!("../fixtures/wire/post-lsrorders-201-example.xml");
    let posts = Arc::new(AtomicUsize::new(0));
    let counted = posts.clone();
    let server = HostileServer::start(move |seen, out| match seen.method.as_str() {
        "GET" => reply(out, "200 OK", "application/xml", EMPTY_LIST.as_bytes()),
        _ if counted.fetch_add(1, Ordering::SeqCst) == 0 => {
            write!(
                out,
                "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n"
            )?;
            out.flush()
        }
        _ => reply(out, "201 Created", "application/xml", CREATED.as_bytes()),
    });
    let mut opts = lsr::client::ClientOptions::new(server.api_url(), ACCOUNT)
        .with_timeout(Duration::from_secs(TIMEOUT_SECS));
    opts.credentials = Some(lsr::client::Credentials::ClientCredentials {
        client_id: CLIENT_ID.into(),
        client_secret: lsr::client::Secret::new(CLIENT_SECRET),
    });
    let client = lsr::client::LsrClient::new(opts).unwrap();
    let order = lsr::wire::LsrOrder {
        pon: Some("PUSHBACK-1".into()),
        customer_order_id: Some("PUSHBACK-COID-1".into()),
        ..lsr::wire::LsrOrder::default()
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let identity = lsr::client::Identity {
        customer_order_id: "PUSHBACK-COID-1".into(),
        pon: "PUSHBACK-1".into(),
        ..lsr::client::Identity::default()
    };
    let created = runtime
        .block_on(client.create_order(&order, &identity))
        .unwrap();
    assert_eq!(created.retry_after, Some(Duration::from_secs(1)));
    assert_eq!((created.attempts, created.recovered), (2, false));
    assert_eq!(created.order_id, "afce454a-4e89-4753-9f58-a442ebc7b142");
    let seen = server.seen();
    let targets: Vec<&str> = seen.iter().map(|s| s.target.as_str()).collect();
    assert!(
        targets
            .iter()
            .any(|t| t.contains("customerOrderId=PUSHBACK-COID-1")),
        "{targets:?}"
    );
    assert_eq!(posts.load(Ordering::SeqCst), 2);
}
