//! `lsr auth login|status|logout` against a real sandbox server (JWT tokens listing accounts),
//! the environments' hosts, and that a test profile's requests never leave the test realm.

use std::io::Write;

use crate::common::{self, SandboxProcess, json_of, run_expect, stderr_of};
use crate::hostile::{HostileServer, reply};

/// `lsr` against the sandbox through LSR_BASE_URL only: no account, no credentials.
fn bare(sandbox: &SandboxProcess, dir: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = common::lsr(dir);
    cmd.env("LSR_BASE_URL", sandbox.api_url());
    cmd
}

fn login(
    sandbox: &SandboxProcess,
    dir: &std::path::Path,
    client: &str,
    secret: &str,
    extra: &[&str],
) -> std::process::Output {
    let mut cmd = bare(sandbox, dir);
    cmd.args([
        "auth",
        "login",
        "--client-id",
        client,
        "--client-secret-file",
        "-",
    ])
    .args(extra)
    .write_stdin(secret);
    run_expect(&mut cmd, 0)
}

#[test]
fn auth_login_status_logout_with_the_file_fallback() {
    let sandbox = SandboxProcess::start();
    let dir = tempfile::tempdir().unwrap();
    let out = login(
        &sandbox,
        dir.path(),
        "demo-client-1",
        "demo-secret-1",
        &["--json"],
    );
    let view = json_of(&out);
    assert_eq!(view["account_id"], "9900001");
    assert_eq!(view["accounts"], serde_json::json!(["9900001"]));
    assert_eq!(view["roles"], serde_json::json!(["lsrorders"]));
    assert_eq!(view["secret"], "config file (mode 0600)");
    assert_eq!(view["signed_in"], true);
    assert!(view["token_expires_at"].is_string());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("demo-secret-1"), "{stdout}");
    let config = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    assert!(config.contains("client_id = \"demo-client-1\""), "{config}");
    assert!(config.contains("account_id = \"9900001\""), "{config}");
    assert!(config.contains("environment = \"prod\""), "{config}");

    // After the login, a command needs no account id or secret in the environment.
    let mut search = bare(&sandbox, dir.path());
    search.args(["--json", "search", "--status", "FOC"]);
    run_expect(&mut search, 0);
    let mut status = bare(&sandbox, dir.path());
    status.args(["--json", "auth", "status"]);
    let shown = json_of(&run_expect(&mut status, 0));
    assert_eq!(shown["client_id"], "demo-client-1");
    assert_eq!(
        shown["token_url"],
        format!("{}/oauth2/token", sandbox.api_url())
    );
    assert_eq!(shown["token_url_source"], "default: the base URL's origin");

    let mut logout = bare(&sandbox, dir.path());
    logout.args(["auth", "logout"]);
    let out = run_expect(&mut logout, 0);
    assert!(stderr_of(&out).contains("removed the secret in config.toml"));
    let config = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    assert!(!config.contains("client_secret ="), "{config}");
    let mut status = bare(&sandbox, dir.path());
    status.args(["auth", "status"]);
    let out = run_expect(&mut status, 6);
    assert!(stderr_of(&out).contains("hint: run `lsr auth login`"));
}

#[test]
fn auth_login_without_a_keychain_falls_back_to_the_config_file_with_a_note() {
    let sandbox = SandboxProcess::start();
    let dir = tempfile::tempdir().unwrap();
    // No session bus in the test's environment: the keychain attempt fails.
    let mut cmd = bare(&sandbox, dir.path());
    cmd.env_remove("LSR_SECRET_STORE")
        .args(["auth", "login", "--client-id", "demo-client-2"])
        .args(["--client-secret-file", "-"])
        .write_stdin("demo-secret-2");
    let out = run_expect(&mut cmd, 0);
    let err = stderr_of(&out);
    assert!(
        err.contains("the OS keychain is not available") && err.contains("kept in config.toml"),
        "{err}"
    );
    // With LSR_SECRET_STORE=keychain the fallback is refused.
    let mut strict = bare(&sandbox, dir.path());
    strict
        .env("LSR_SECRET_STORE", "keychain")
        .args(["auth", "login", "--client-id", "demo-client-2"])
        .args(["--client-secret-file", "-"])
        .write_stdin("demo-secret-2");
    run_expect(&mut strict, 1);
}

#[test]
fn auth_login_chooses_the_account_from_the_token() {
    let sandbox = SandboxProcess::start();
    let dir = tempfile::tempdir().unwrap();
    // Two accounts, no terminal: the first, with a note.
    let out = login(
        &sandbox,
        dir.path(),
        "demo-client-all",
        "demo-secret-all",
        &["--json"],
    );
    assert_eq!(json_of(&out)["account_id"], "9900001");
    assert!(
        stderr_of(&out).contains("the token lists 2 accounts (9900001, 9900002); using the first"),
        "{}",
        stderr_of(&out)
    );
    // --account-id wins; one the token does not list gets a warning.
    let out = login(
        &sandbox,
        dir.path(),
        "demo-client-all",
        "demo-secret-all",
        &["--json", "--account-id", "9900002"],
    );
    assert_eq!(json_of(&out)["account_id"], "9900002");
    assert!(!stderr_of(&out).contains("warning"), "{}", stderr_of(&out));
    let out = login(
        &sandbox,
        dir.path(),
        "demo-client-1",
        "demo-secret-1",
        &["--account-id", "9900002"],
    );
    assert!(
        stderr_of(&out).contains("warning: the token does not list account 9900002"),
        "{}",
        stderr_of(&out)
    );
    // Wrong secret: refused by the token endpoint, nothing saved.
    let mut bad = bare(&sandbox, dir.path());
    bad.args(["auth", "login", "--client-id", "demo-client-1"])
        .args(["--client-secret-file", "-"])
        .write_stdin("wrong");
    run_expect(&mut bad, 6);
}

/// A proxy that records where each CONNECT goes and refuses it.
fn refusing_proxy() -> HostileServer {
    HostileServer::start_raw(|_, out: &mut dyn Write| {
        reply(out, "502 Bad Gateway", "text/plain", b"no network in tests")
    })
}

#[test]
fn auth_test_profile_requests_name_only_test_realm_hosts() {
    let proxy = refusing_proxy();
    let dir = tempfile::tempdir().unwrap();
    let mut init = common::lsr(dir.path());
    init.args(["config", "init"]);
    run_expect(&mut init, 0);
    for (credentials, expected_host) in [
        (
            [("LSR_CLIENT_ID", "c"), ("LSR_CLIENT_SECRET", "s")],
            "test.api.bandwidth.com",
        ),
        (
            [("LSR_USERNAME", "u"), ("LSR_PASSWORD", "p")],
            "test.dashboard.bandwidth.com",
        ),
    ] {
        let mut cmd = common::lsr(dir.path());
        cmd.env("HTTPS_PROXY", format!("http://{}", proxy.addr))
            .env("LSR_HTTP_TIMEOUT_SECS", "2")
            .env("LSR_ACCOUNT_ID", "9999999")
            .envs(credentials)
            .args(["--profile", "test", "-v", "status", "ORDER-1"]);
        let out = run_expect(&mut cmd, 5);
        let err = stderr_of(&out);
        let urls: Vec<&str> = err
            .split_whitespace()
            .filter(|w| w.starts_with("https://"))
            .collect();
        assert!(!urls.is_empty(), "{err}");
        for url in urls {
            assert!(
                url.starts_with(&format!("https://{expected_host}/")),
                "{url} in\n{err}"
            );
        }
    }
    let seen = proxy.seen();
    assert!(!seen.is_empty());
    for request in seen {
        assert_eq!(request.method, "CONNECT");
        assert!(
            request.target.starts_with("test.api.bandwidth.com:")
                || request.target.starts_with("test.dashboard.bandwidth.com:"),
            "{}",
            request.target
        );
    }
}

#[test]
fn auth_config_show_prints_urls_and_their_sources() {
    let dir = tempfile::tempdir().unwrap();
    let mut init = common::lsr(dir.path());
    init.args(["config", "init"]);
    run_expect(&mut init, 0);
    let shown = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = common::lsr(dir.path());
        cmd.envs(env.iter().copied())
            .args(args)
            .args(["--json", "config", "show"]);
        let lines = json_of(&run_expect(&mut cmd, 0));
        let get = |key: &str| {
            let line = lines
                .as_array()
                .unwrap()
                .iter()
                .find(|l| l["key"] == key)
                .unwrap()
                .clone();
            (line["value"].clone(), line["source"].clone())
        };
        (get("base_url"), get("token_url"), get("environment"))
    };
    let (base, token, env) = shown(&["--profile", "test"], &[("LSR_CLIENT_ID", "c")]);
    assert_eq!(base.0, "https://test.api.bandwidth.com/api/v1");
    assert_eq!(base.1, "default: environment test, OAuth2, v1");
    assert_eq!(
        token.0,
        "https://test.api.bandwidth.com/api/v1/oauth2/token"
    );
    assert_eq!(token.1, "default: Bandwidth's test realm");
    assert_eq!(env.0, "test");
    let (base, _, _) = shown(&[], &[("LSR_API_VERSION", "v2")]);
    assert_eq!(base.0, "https://api.bandwidth.com/api/v2");
    let (base, token, _) = shown(&["--base-url", "https://proxy.example/lsr/api/v1"], &[]);
    assert_eq!(base.1, "flag");
    assert_eq!(token.0, "https://proxy.example/api/v1/oauth2/token");
    // A token URL in another realm than the base URL is refused when a command connects.
    let mut crossed = common::lsr(dir.path());
    crossed
        .env(
            "LSR_TOKEN_URL",
            "https://api.bandwidth.com/api/v1/oauth2/token",
        )
        .env("LSR_CLIENT_ID", "c")
        .env("LSR_CLIENT_SECRET", "s")
        .env("LSR_ACCOUNT_ID", "1")
        .args(["--profile", "test", "status", "X"]);
    let out = run_expect(&mut crossed, 2);
    assert!(stderr_of(&out).contains("never sends a credential to another realm"));
}

#[test]
fn auth_login_asks_on_a_terminal_with_the_secret_hidden() {
    use crate::common::TmuxSession;
    use std::ffi::OsStr;
    if !TmuxSession::available() {
        eprintln!("skipping: tmux is not installed (apt-get install -y tmux runs this test)");
        return;
    }
    let sandbox = SandboxProcess::start();
    let dir = tempfile::tempdir().unwrap();
    let url = sandbox.api_url();
    let env: [(&str, &OsStr); 4] = [
        ("LSR_CONFIG_DIR", dir.path().as_os_str()),
        ("LSR_BASE_URL", OsStr::new(&url)),
        ("LSR_SECRET_STORE", OsStr::new("file")),
        ("NO_COLOR", OsStr::new("1")),
    ];
    let t = TmuxSession::start(
        &env,
        &assert_cmd::cargo::cargo_bin("lsr"),
        &["auth", "login"],
    );
    t.wait_for("OAuth2 client id");
    t.type_line("demo-client-all");
    t.wait_for("client secret for demo-client-all");
    t.type_line("demo-secret-all");
    // Two accounts on a terminal: a choice; the second one.
    t.wait_for("account");
    t.press("Down");
    t.press("Enter");
    let (code, screen) = t.wait_for_exit();
    assert_eq!(code, 0, "{screen}");
    assert!(
        !screen.contains("demo-secret-all"),
        "the secret was echoed:\n{screen}"
    );
    let config = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    assert!(
        config.contains("account_id = \"9900002\""),
        "{config}\n{screen}"
    );
}
