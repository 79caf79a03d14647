//! Shared helpers for the integration tests: a hermetic `lsr` command, sandboxes to run it
//! against, and the one way to read its JSON answers.
#![allow(dead_code)]

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

/// `lsr` with a clean environment: temp config dir, no colour, fixed today.
pub fn lsr(config_dir: &Path) -> Command {
    Command::from_std(lsr_process(config_dir))
}

/// The same as [`lsr`], as a plain `std::process::Command` (to spawn in the background).
pub fn lsr_process(config_dir: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("lsr"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LSR_CONFIG_DIR", config_dir)
        .env("LSR_TODAY", "2026-11-30")
        // Never the developer's real OS keychain (`lsr auth login`); a test that wants the
        // keychain attempt removes it.
        .env("LSR_SECRET_STORE", "file")
        .env("NO_COLOR", "1");
    cmd
}

/// Runs `cmd` (an `lsr` with its arguments and environment), asserts that it exits with `code`,
/// and parses its stdout as ONE JSON document. A failure shows the arguments, stdout and stderr.
pub fn run_json(cmd: &mut Command, code: i32) -> Value {
    run_json_with_stderr(cmd, code).0
}

/// [`run_json`], also returning stderr (for the tests that check its notes and summaries).
/// Every answer is checked against the committed schema of its command (or `error`).
pub fn run_json_with_stderr(cmd: &mut Command, code: i32) -> (Value, String) {
    let args: Vec<String> = cmd
        .get_args()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let out = run_expect(cmd, code);
    let value = json_of(&out);
    check_against_schema(&args, &value);
    (value, stderr_of(&out))
}

/// Runs `cmd` (with `--progress json` among its arguments), asserts its exit code, and returns
/// its one JSON document, its progress lines (the JSON lines on stderr) and the rest of stderr;
/// the document and every line are checked against their schemas.
pub fn run_json_progress(cmd: &mut Command, code: i32) -> (Value, Vec<Value>, String) {
    let (value, stderr) = run_json_with_stderr(cmd, code);
    let mut lines = Vec::new();
    let mut rest = String::new();
    for line in stderr.lines() {
        match serde_json::from_str::<Value>(line) {
            Ok(v) if v.is_object() => {
                assert_schema("progress", &v);
                lines.push(v);
            }
            _ => {
                rest.push_str(line);
                rest.push('\n');
            }
        }
    }
    (value, lines, rest)
}

/// Global flags that take a value (`--profile NAME` …): skipped when finding the command.
const GLOBAL_FLAGS_WITH_VALUES: &[&str] = &[
    "--profile",
    "--base-url",
    "--account-id",
    "--client-secret-file",
    "--output",
    "-o",
    "--color",
    "--progress",
];

/// The words that name the command of an `lsr` command line: the leading words that are not
/// flags (`batch show 3`, `status ACME@2`), after the global flags.
pub fn command_words(args: &[String]) -> Vec<String> {
    let mut words = Vec::new();
    let mut rest = args.iter().peekable();
    while let Some(arg) = rest.next() {
        if arg.starts_with('-') {
            if !words.is_empty() {
                break;
            }
            if GLOBAL_FLAGS_WITH_VALUES.contains(&arg.as_str()) {
                rest.next();
            }
            continue;
        }
        words.push(arg.clone());
    }
    words
}

/// The name of the committed schema an answer of `args` follows: `error` for the error
/// document, else the command's (`None` for `lsr schema NAME`, which prints a schema).
pub fn schema_name(args: &[String], value: &Value) -> Option<String> {
    let is_error = value
        .as_object()
        .is_some_and(|o| o.len() == 1 && o.contains_key("error"));
    if is_error {
        return Some("error".to_string());
    }
    let words = command_words(args);
    match words.first().map(String::as_str) {
        Some("schema") if words.len() > 1 => return None,
        Some("notes") if words.get(2).is_some_and(|w| w == "add") => {
            return Some("notes-add".to_string());
        }
        _ => {}
    }
    let entry = lsr::commands::schema::lookup(&words)
        .unwrap_or_else(|| panic!("no schema for `lsr {}`", args.join(" ")));
    Some(entry.name.to_string())
}

/// Checks an answer of `lsr ARGS` against its committed schema.
pub fn check_against_schema(args: &[String], value: &Value) {
    if let Some(name) = schema_name(args, value) {
        assert_schema(&name, value);
    }
}

/// Panics unless `value` is valid against `schemas/<name>.schema.json`, made strict: an object
/// may carry only the keys its schema names, so that a key printed but not in the schema fails
/// too (the published schemas leave objects open: keys may be added).
pub fn assert_schema(name: &str, value: &Value) {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock};
    static VALIDATORS: OnceLock<Mutex<HashMap<String, Arc<jsonschema::Validator>>>> =
        OnceLock::new();
    let validator = {
        let mut cache = VALIDATORS
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        cache
            .entry(name.to_string())
            .or_insert_with(|| Arc::new(strict_validator(name)))
            .clone()
    };
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "the output does not match schemas/{name}.schema.json:\n  {}\n{}",
        errors.join("\n  "),
        serde_json::to_string_pretty(value).unwrap()
    );
}

/// The committed schema `name`, strict (see [`assert_schema`]), compiled.
pub fn strict_validator(name: &str) -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schemas")
        .join(format!("{name}.schema.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let mut schema: Value = serde_json::from_str(&text).unwrap();
    make_strict(&mut schema, true);
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{} is not a valid schema: {e}", path.display()))
}

/// Closes every object schema that lists its properties (`additionalProperties: false`), except
/// one combined with `oneOf`/`anyOf`/`allOf` (a flattened enum) and the branches of such a one.
fn make_strict(schema: &mut Value, allowed: bool) {
    let Value::Object(object) = schema else {
        return;
    };
    let combined = ["oneOf", "anyOf", "allOf"]
        .iter()
        .any(|k| object.contains_key(*k));
    let has_properties = object.contains_key("properties");
    if allowed && has_properties && !combined && !object.contains_key("additionalProperties") {
        object.insert("additionalProperties".into(), Value::Bool(false));
    }
    for (key, child) in object.iter_mut() {
        match (key.as_str(), child) {
            ("properties" | "$defs", Value::Object(map)) => {
                for sub in map.values_mut() {
                    make_strict(sub, true);
                }
            }
            ("oneOf" | "anyOf" | "allOf", Value::Array(list)) => {
                for sub in list {
                    make_strict(sub, !(combined && has_properties));
                }
            }
            ("prefixItems", Value::Array(list)) => {
                for sub in list {
                    make_strict(sub, true);
                }
            }
            ("items" | "additionalProperties" | "not", sub) => make_strict(sub, true),
            _ => {}
        }
    }
}

/// Runs `cmd` and asserts that it exits with `code`; a failure shows the arguments, stdout and
/// stderr.
pub fn run_expect(cmd: &mut Command, code: i32) -> Output {
    let args: Vec<String> = cmd
        .get_args()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let out = cmd.output().expect("run lsr");
    assert_eq!(
        out.status.code(),
        Some(code),
        "lsr {args:?} exited with {:?}, expected {code}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    out
}

/// Parses a finished command's stdout as one JSON document (without checking its exit code:
/// prefer [`run_json`]).
pub fn json_of(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not one JSON document ({e}):\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

/// The JSON lines of a run's stdout (`watch`, a split's progress), blank lines skipped.
pub fn json_lines(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// A run's stderr as text.
pub fn stderr_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A run's stdout and stderr together (to look for what must appear nowhere).
pub fn all_output(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// [`lsr_process`] against `api_url` with the demo account's OAuth2 client credentials.
pub fn demo_lsr_process(config_dir: &Path, api_url: &str) -> std::process::Command {
    let mut cmd = lsr_process(config_dir);
    cmd.env("LSR_BASE_URL", api_url)
        .env("LSR_ACCOUNT_ID", DEMO_ACCOUNT)
        .env("LSR_CLIENT_ID", DEMO_CLIENT_ID)
        .env("LSR_CLIENT_SECRET", DEMO_CLIENT_SECRET);
    cmd
}

/// A `lsr sandbox serve` process on 127.0.0.1:0 with its own data dir; killed on drop.
pub struct SandboxProcess {
    child: std::process::Child,
    /// `http://127.0.0.1:PORT`
    pub url: String,
    pub data: tempfile::TempDir,
}

/// The demo account every fresh sandbox store has.
pub const DEMO_ACCOUNT: &str = "9900001";
pub const DEMO_CLIENT_ID: &str = "demo-client-1";
pub const DEMO_CLIENT_SECRET: &str = "demo-secret-1";

impl SandboxProcess {
    /// Starts a sandbox with no processing delay (tests move its clock instead of sleeping).
    pub fn start() -> SandboxProcess {
        let data = tempfile::tempdir().expect("sandbox data dir");
        SandboxProcess::start_in(data)
    }

    /// Starts a sandbox on an existing data dir (to show state survives a restart).
    pub fn start_in(data: tempfile::TempDir) -> SandboxProcess {
        SandboxProcess::start_with(data, "127.0.0.1:0", None)
    }

    /// Starts a sandbox listening on `listen`, with at most `max_fds` open files when given (the
    /// shell's `ulimit -n`, as a constrained host would run it).
    pub fn start_with(
        data: tempfile::TempDir,
        listen: &str,
        max_fds: Option<u32>,
    ) -> SandboxProcess {
        let (child, url) = spawn_sandbox(data.path(), listen, max_fds);
        SandboxProcess { child, url, data }
    }

    /// The server's process id (to read its memory from /proc).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// `http://127.0.0.1:PORT/api/v1`
    pub fn api_url(&self) -> String {
        format!("{}/api/v1", self.url)
    }

    /// `lsr` pointed at this sandbox with the demo account's OAuth2 client credentials.
    pub fn lsr(&self, config_dir: &Path) -> Command {
        Command::from_std(self.lsr_process(config_dir))
    }

    /// The same as [`SandboxProcess::lsr`], as a plain `std::process::Command` (to spawn several).
    pub fn lsr_process(&self, config_dir: &Path) -> std::process::Command {
        demo_lsr_process(config_dir, &self.api_url())
    }

    /// Runs `lsr --json ARGS` against this sandbox, expects success, and parses stdout.
    pub fn json(&self, config_dir: &Path, args: &[&str]) -> Value {
        run_json(self.lsr(config_dir).arg("--json").args(args), 0)
    }

    /// Writes an order file for `pon` with `tns` (see [`write_order_file`]), submits it, and
    /// returns the JSON answer.
    pub fn submit_file(&self, config_dir: &Path, pon: &str, tns: &[&str]) -> Value {
        let file = write_order_file(config_dir, pon, tns);
        run_json(
            self.lsr(config_dir)
                .args(["--json", "submit", "--from"])
                .arg(&file),
            0,
        )
    }

    /// Runs `lsr sandbox --url URL ARGS…` and asserts it succeeds.
    pub fn admin(&self, args: &[&str]) -> String {
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("lsr"))
            .args(["sandbox", "--url", &self.url])
            .args(args)
            .env("LSR_CONFIG_DIR", self.data.path())
            .output()
            .expect("run lsr sandbox");
        assert!(
            out.status.success(),
            "lsr sandbox {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).to_string()
    }
}

/// Spawns `cmd` with its stdout piped, reads its first line, and kills it (a server's "where I
/// listen" line).
pub fn first_stdout_line(cmd: &mut std::process::Command) -> String {
    use std::io::BufRead;
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn lsr");
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().expect("piped stdout"))
        .read_line(&mut first)
        .expect("read the first line");
    let _ = child.kill();
    let _ = child.wait();
    first
}

/// Spawns `lsr sandbox serve` on `data` (see [`SandboxProcess::start_with`]) and reads its
/// `listening on URL` line: the process and the URL. The caller kills it.
pub fn spawn_sandbox(
    data: &Path,
    listen: &str,
    max_fds: Option<u32>,
) -> (std::process::Child, String) {
    use std::io::BufRead;
    let lsr = assert_cmd::cargo::cargo_bin("lsr");
    let mut command = match max_fds {
        Some(n) => {
            let mut sh = std::process::Command::new("sh");
            sh.arg("-c")
                .arg(format!("ulimit -n {n} && exec \"$0\" \"$@\""))
                .arg(&lsr);
            sh
        }
        None => std::process::Command::new(&lsr),
    };
    let mut child = command
        .args([
            "sandbox",
            "serve",
            "--listen",
            listen,
            "--processing-delay",
            "0",
            "--data",
        ])
        .arg(data)
        .env("LSR_CONFIG_DIR", data)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start lsr sandbox serve");
    let stdout = child.stdout.take().expect("sandbox stdout");
    let mut first = String::new();
    std::io::BufReader::new(stdout)
        .read_line(&mut first)
        .expect("read the listening line");
    let url = first
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line: {first:?}"))
        .to_string();
    (child, url)
}

impl Drop for SandboxProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A minimal valid order file for `--from`, with the given PON and TNs.
pub fn write_order_file(dir: &Path, pon: &str, tns: &[&str]) -> std::path::PathBuf {
    let path = dir.join(format!("{pon}.toml"));
    let tn_list = tns
        .iter()
        .map(|t| format!("\"{t}\""))
        .collect::<Vec<_>>()
        .join(", ");
    std::fs::write(
        &path,
        format!(
            r#"pon = "{pon}"
requested_foc_date = "+5bd"
authorizing_person = "Jane Doe"
tns = [{tn_list}]

[subscriber]
type = "business"
business_name = "Acme Widgets"

[subscriber.address]
house_number = "11"
street = "Park Ave"
city = "Raleigh"
state = "NC"
zip = "27601"
"#
        ),
    )
    .expect("write order file");
    path
}

/// Monday 2026-11-30 14:00 UTC: the embedded sandbox's clock at the start of a lifecycle test,
/// the same day as `LSR_TODAY`.
pub const SANDBOX_START: &str = "2026-11-30T14:00:00Z";

/// A hermetic `lsr --sandbox` world: its own config directory (so its own embedded sandbox
/// store and history), with the sandbox clock set to `SANDBOX_START`. Every `lsr` run starts the
/// embedded sandbox on loopback and stops it on exit; the state stays in the directory.
pub struct SandboxWorld {
    pub dir: tempfile::TempDir,
}

impl SandboxWorld {
    pub fn new() -> SandboxWorld {
        let world = SandboxWorld {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        world.clock(&["set", SANDBOX_START]);
        world
    }

    /// `lsr --sandbox` in this world.
    pub fn lsr(&self) -> Command {
        let mut cmd = lsr(self.dir.path());
        cmd.arg("--sandbox");
        cmd
    }

    /// Runs `lsr --sandbox --json ARGS`, expects success, and parses stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        run_json(self.lsr().arg("--json").args(args), 0)
    }

    /// `lsr --sandbox sandbox clock ARGS` (e.g. `["advance", "5s"]`), expecting success.
    pub fn clock(&self, args: &[&str]) {
        self.lsr()
            .args(["sandbox", "clock"])
            .args(args)
            .assert()
            .success();
    }

    /// Lets the embedded sandbox's processing delay (seconds, on its clock) pass.
    pub fn process(&self) {
        self.clock(&["advance", "5s"]);
    }

    /// The `status --json` view of an order.
    pub fn status(&self, order: &str) -> Value {
        self.json(&["status", order])
    }
}

/// Submits a business order for `tns` with FOC `+5bd` (Mon 2026-12-07) and `extra` flags in the
/// world, checks it is PENDING, lets the sandbox process it, and returns its order id.
pub fn submit_processed(world: &SandboxWorld, pon: &str, tns: &[&str], extra: &[&str]) -> String {
    let submitted = world.json(&submit_args(pon, tns, extra));
    let order = &submitted["orders"][0];
    assert_eq!(order["status"], "PENDING", "{submitted}");
    world.process();
    order["order_id"].as_str().unwrap().to_string()
}

/// `submit` of a business order for `pon` with `tns`, FOC `+5bd`, and `extra` flags.
pub fn submit_args<'a>(pon: &'a str, tns: &[&'a str], extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["submit", "--pon", pon, "--foc", "+5bd"];
    args.extend_from_slice(BUSINESS_ORDER_FLAGS);
    for tn in tns {
        args.extend_from_slice(&["--tn", tn]);
    }
    args.extend_from_slice(extra);
    args
}

/// The order-field flags of a valid business port-out, without PON or TNs.
pub const BUSINESS_ORDER_FLAGS: &[&str] = &[
    "--auth-person",
    "Jane Doe",
    "--subscriber-type",
    "business",
    "--business-name",
    "Acme Widgets",
    "--house-number",
    "11",
    "--street",
    "Park Ave",
    "--city",
    "Raleigh",
    "--state",
    "NC",
    "--zip",
    "27601",
];

/// A program run in a private tmux server (its own socket in a temp dir), to answer prompts as
/// a person would: type, then poll the screen for what should appear. Killed on drop.
pub struct TmuxSession {
    socket: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

/// The marker the session's shell prints when the program ends: `[exited N]`.
const TMUX_EXIT_MARK: &str = "[exited ";

impl TmuxSession {
    /// True when tmux can be run here; tests that need it skip (with a message) otherwise.
    pub fn available() -> bool {
        std::process::Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
    }

    /// Runs `program args…` in a 120×40 terminal with exactly the environment `env` (plus PATH
    /// and TERM). When it ends, the shell prints `[exited N]` and keeps the pane open to read.
    pub fn start(env: &[(&str, &std::ffi::OsStr)], program: &Path, args: &[&str]) -> TmuxSession {
        let dir = tempfile::tempdir().expect("tmux socket dir");
        let socket = dir.path().join("tmux.sock");
        let mut cmd = std::process::Command::new("tmux");
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("TERM", "xterm")
            .envs(env.iter().map(|(k, v)| (*k, *v)))
            .arg("-S")
            .arg(&socket)
            .args([
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                "120",
                "-y",
                "40",
                "-s",
                "t",
            ])
            .args([
                "sh",
                "-c",
                "\"$0\" \"$@\"; echo \"[exited $?]\"; exec sleep 600",
            ])
            .arg(program)
            .args(args);
        let out = cmd.output().expect("run tmux");
        assert!(
            out.status.success(),
            "tmux new-session failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        TmuxSession { socket, _dir: dir }
    }

    fn tmux(&self, args: &[&str]) -> std::process::Output {
        let out = std::process::Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux");
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// The screen as text, wrapped lines joined.
    pub fn screen(&self) -> String {
        let out = self.tmux(&["capture-pane", "-p", "-J", "-t", "t"]);
        String::from_utf8_lossy(&out.stdout).to_string()
    }

    /// Polls the screen until it shows `text` (at most 30 s) and returns it; fails showing
    /// the screen otherwise.
    pub fn wait_for(&self, text: &str) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if std::time::Instant::now() > deadline || screen.contains(TMUX_EXIT_MARK) {
                panic!("the screen never showed {text:?}:\n{screen}");
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    /// Types `text` and presses Enter.
    pub fn type_line(&self, text: &str) {
        if !text.is_empty() {
            self.tmux(&["send-keys", "-t", "t", "-l", text]);
        }
        self.press("Enter");
    }

    /// Presses one key (tmux names: `Enter`, `Up`, `y`).
    pub fn press(&self, key: &str) {
        self.tmux(&["send-keys", "-t", "t", key]);
    }

    /// Waits for the program to end and returns its exit code and the final screen.
    pub fn wait_for_exit(&self) -> (i32, String) {
        let screen = self.wait_for(TMUX_EXIT_MARK);
        let code = screen
            .split(TMUX_EXIT_MARK)
            .nth(1)
            .and_then(|rest| rest.split(']').next())
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or_else(|| panic!("no exit code on the screen:\n{screen}"));
        (code, screen)
    }
}

impl Drop for TmuxSession {
    fn drop(&mut self) {
        let _ = std::process::Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

/// [`write_order_file`] with a fixed customer order id (as the shipped example has one).
pub fn write_order_file_with_customer_order_id(
    dir: &Path,
    name: &str,
    pon: &str,
    tns: &[&str],
    customer_order_id: &str,
) -> std::path::PathBuf {
    let plain = write_order_file(dir, pon, tns);
    let text = std::fs::read_to_string(&plain).expect("read order file");
    let path = dir.join(format!("{name}.toml"));
    std::fs::write(
        &path,
        format!("customer_order_id = \"{customer_order_id}\"\n{text}"),
    )
    .expect("write order file");
    path
}

/// What a [`FaultProxy`] does with one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProxyAction {
    /// Passes it on and passes the answer back.
    Forward,
    /// Answers 503 itself; the backend never sees the request.
    Refuse503,
    /// Passes it on, then closes the connection without the answer (the backend acted).
    ForwardAndDrop,
    /// Passes it on twice (a retrying middlebox), then closes without an answer.
    ForwardTwiceAndDrop,
}

/// One request a [`FaultProxy`] saw: method, target and body.
#[derive(Debug, Clone)]
pub struct ProxiedRequest {
    pub method: String,
    pub target: String,
    pub body: String,
}

type ProxyRule = dyn Fn(&ProxiedRequest, usize) -> ProxyAction + Send + Sync;

/// A loopback HTTP/1.1 proxy in front of a backend that lets a test decide, request by request,
/// to forward it, answer 503 without forwarding, or forward it and lose the answer. The rule
/// gets the request and how many requests came before it. Stops on drop.
pub struct FaultProxy {
    addr: std::net::SocketAddr,
    seen: std::sync::Arc<std::sync::Mutex<Vec<ProxiedRequest>>>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl FaultProxy {
    /// `upstream` is `http://HOST:PORT` (a sandbox's [`SandboxProcess::url`]).
    pub fn start(
        upstream: &str,
        rule: impl Fn(&ProxiedRequest, usize) -> ProxyAction + Send + Sync + 'static,
    ) -> FaultProxy {
        use std::sync::atomic::{AtomicBool, Ordering};
        use std::sync::{Arc, Mutex};
        let upstream = upstream
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind proxy");
        let addr = listener.local_addr().expect("proxy address");
        let seen: Arc<Mutex<Vec<ProxiedRequest>>> = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let rule: Arc<ProxyRule> = Arc::new(rule);
        let (seen2, stop2) = (seen.clone(), stop.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (rule, seen, upstream) = (rule.clone(), seen2.clone(), upstream.clone());
                std::thread::spawn(move || {
                    let _ = proxy_connection(stream, &upstream, &*rule, &seen);
                });
            }
        });
        FaultProxy { addr, seen, stop }
    }

    /// `http://127.0.0.1:PORT/api/v1`
    pub fn api_url(&self) -> String {
        format!("http://{}/api/v1", self.addr)
    }

    /// Every request seen so far.
    pub fn seen(&self) -> Vec<ProxiedRequest> {
        self.seen.lock().expect("proxy log").clone()
    }

    /// `lsr` through this proxy with the demo account's credentials.
    pub fn lsr(&self, config_dir: &Path) -> Command {
        Command::from_std(demo_lsr_process(config_dir, &self.api_url()))
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        let _ = std::net::TcpStream::connect(self.addr);
    }
}

/// Serves one request of a client connection over its own upstream connection, then closes
/// (the answer says `connection: close`, so the client opens a new connection for the next).
fn proxy_connection(
    mut client: std::net::TcpStream,
    upstream: &str,
    rule: &ProxyRule,
    seen: &std::sync::Mutex<Vec<ProxiedRequest>>,
) -> std::io::Result<()> {
    use std::io::{BufRead, BufReader, Read, Write};
    let mut reader = BufReader::new(client.try_clone()?);
    let mut head = Vec::new();
    loop {
        let mut line = Vec::new();
        if reader.read_until(b'\n', &mut line)? == 0 {
            return Ok(());
        }
        let end = line == b"\r\n";
        head.extend_from_slice(&line);
        if end {
            break;
        }
    }
    let text = String::from_utf8_lossy(&head).to_string();
    let mut parts = text.lines().next().unwrap_or_default().split(' ');
    let method = parts.next().unwrap_or_default().to_string();
    let target = parts.next().unwrap_or_default().to_string();
    let length = text
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse::<usize>().ok())
                .flatten()
        })
        .unwrap_or(0);
    let mut body = vec![0u8; length];
    reader.read_exact(&mut body)?;
    let request = ProxiedRequest {
        method,
        target,
        body: String::from_utf8_lossy(&body).to_string(),
    };
    let index = {
        let mut log = seen.lock().expect("proxy log");
        log.push(request.clone());
        log.len() - 1
    };
    let action = rule(&request, index);
    if action == ProxyAction::Refuse503 {
        return client.write_all(
            b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        );
    }
    let mut head_out = String::new();
    for line in text.split("\r\n").filter(|l| !l.is_empty()) {
        if !line.to_ascii_lowercase().starts_with("connection:") {
            head_out.push_str(line);
            head_out.push_str("\r\n");
        }
    }
    head_out.push_str("Connection: close\r\n\r\n");
    let forward = || -> std::io::Result<Vec<u8>> {
        let mut up = std::net::TcpStream::connect(upstream)?;
        up.write_all(head_out.as_bytes())?;
        up.write_all(&body)?;
        let mut answer = Vec::new();
        up.read_to_end(&mut answer)?;
        Ok(answer)
    };
    let answer = forward()?;
    if action == ProxyAction::ForwardTwiceAndDrop {
        forward()?;
    }
    if action != ProxyAction::Forward {
        return Ok(());
    }
    client.write_all(&answer)?;
    client.flush()
}
