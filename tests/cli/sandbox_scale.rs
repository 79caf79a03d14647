//! The sandbox under many concurrent clients (issue 16): concurrent creations share commits, and
//! a `lsr sandbox serve` killed with SIGKILL in the middle of them still holds every order it
//! acknowledged.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use lsr::sandbox::DEMO_ACCOUNT_1;

use crate::common::spawn_sandbox;
use crate::sandbox::{USER_1, order_xml};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

fn orders_url(base: &str) -> String {
    format!(
        "{base}/api/v1/accounts/{}/lsrorders",
        DEMO_ACCOUNT_1.account_id
    )
}

/// Sets the sandbox clock of the server at `base` (the orders ask for 2026-12-03).
async fn set_clock(http: &reqwest::Client, base: &str) {
    let answer = http
        .post(format!("{base}/sandbox/clock/set"))
        .header("Content-Type", "application/json")
        .body(r#"{"time":"2026-11-30T12:00:00Z"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
}

/// Eight clients creating orders as fast as they are answered until `stop`; the PONs of the
/// creations answered 201 go into `acknowledged`.
async fn create_until(
    base: &str,
    round: usize,
    stop: Arc<AtomicBool>,
    acknowledged: Arc<Mutex<Vec<String>>>,
) {
    let mut clients = Vec::new();
    for client in 0..8 {
        let (url, stop, acknowledged) = (orders_url(base), stop.clone(), acknowledged.clone());
        clients.push(tokio::spawn(async move {
            let http = reqwest::Client::new();
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let pon = format!("K{round}-{client}-{n}");
                // Exchanges 92x and 93x: never an N11 code.
                let tn = format!("9199{}{client}{:04}", round + 2, n % 1000);
                let answer = http
                    .post(&url)
                    .basic_auth(USER_1.0, Some(USER_1.1))
                    .body(order_xml(&pon, &[&tn], None))
                    .timeout(Duration::from_secs(5))
                    .send()
                    .await;
                match answer {
                    Ok(answer) if answer.status() == 201 => {
                        acknowledged.lock().unwrap().push(pon);
                    }
                    Ok(answer) => panic!(
                        "creation answered {}: {}",
                        answer.status(),
                        answer.text().await.unwrap_or_default()
                    ),
                    // The server is gone (killed): this client is done.
                    Err(_) => return,
                }
            }
        }));
    }
    for client in clients {
        client.await.unwrap();
    }
}

/// How many orders of the demo account have `customer_order_id`.
async fn count_by_customer_id(http: &reqwest::Client, base: &str, customer_order_id: &str) -> u32 {
    let answer = http
        .get(format!(
            "{}?customerOrderId={customer_order_id}",
            orders_url(base)
        ))
        .basic_auth(USER_1.0, Some(USER_1.1))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    let list: lsr::wire::LsrOrders = lsr::wire::decode(&answer.bytes().await.unwrap()).unwrap();
    list.total_count.unwrap_or(0)
}

#[test]
fn sandbox_serve_killed_mid_load_keeps_every_acknowledged_order() {
    let data = tempfile::tempdir().unwrap();
    let rt = runtime();
    let http = reqwest::Client::new();
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    // Twice: killed while eight clients create, restarted on the same store.
    for round in 0..2 {
        let (mut child, base) = spawn_sandbox(data.path(), "127.0.0.1:0", None);
        rt.block_on(set_clock(&http, &base));
        let before = acknowledged.lock().unwrap().len();
        let stop = Arc::new(AtomicBool::new(false));
        let load = rt.spawn({
            let (base, stop, acknowledged) = (base.clone(), stop.clone(), acknowledged.clone());
            async move { create_until(&base, round, stop, acknowledged).await }
        });
        let started = Instant::now();
        while acknowledged.lock().unwrap().len() < before + 300
            && started.elapsed() < Duration::from_secs(30)
        {
            std::thread::sleep(Duration::from_millis(10));
        }
        // SIGKILL while the clients are still sending: no shutdown, no checkpoint.
        child.kill().unwrap();
        child.wait().unwrap();
        stop.store(true, Ordering::Relaxed);
        rt.block_on(load).unwrap();
        assert!(
            acknowledged.lock().unwrap().len() >= before + 300,
            "round {round}: too few creations acknowledged before the kill"
        );
    }
    let (mut child, base) = spawn_sandbox(data.path(), "127.0.0.1:0", None);
    let pons = acknowledged.lock().unwrap().clone();
    let lost: Vec<&String> = rt.block_on(async {
        let mut lost = Vec::new();
        for pon in &pons {
            if count_by_customer_id(&http, &base, &format!("cust-{pon}")).await != 1 {
                lost.push(pon);
            }
        }
        lost
    });
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        lost.is_empty(),
        "acknowledged but not stored exactly once: {lost:?}"
    );
}

/// `count` searches of `account`'s orders sent at once: how many answered 200 and the
/// `Retry-After` of each 429 (any other answer fails the test).
async fn search_burst(
    base: &str,
    account: &str,
    user: (&str, &str),
    count: usize,
) -> (usize, Vec<u64>) {
    let http = reqwest::Client::new();
    let url = format!("{base}/api/v1/accounts/{account}/lsrorders?pon=NOPE");
    let answers = futures_util::future::join_all(
        (0..count).map(|_| http.get(&url).basic_auth(user.0, Some(user.1)).send()),
    )
    .await;
    let mut passed = 0;
    let mut waits = Vec::new();
    for answer in answers {
        let answer = answer.unwrap();
        match answer.status().as_u16() {
            200 => passed += 1,
            429 => {
                let wait = answer
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.parse().ok())
                    .expect("a 429 without a Retry-After in seconds");
                let body = answer.text().await.unwrap();
                assert!(body.contains("<ErrorCode>429</ErrorCode>"), "{body}");
                waits.push(wait);
            }
            other => panic!("unexpected answer {other}"),
        }
    }
    (passed, waits)
}

#[test]
fn sandbox_rate_limit_answers_429_with_retry_after_per_account_and_counts_them() {
    let sandbox = crate::common::SandboxProcess::start();
    sandbox.admin(&["faults", "set", "--rate-limit", "5"]);
    let rt = runtime();
    let user_2 = (
        lsr::sandbox::DEMO_ACCOUNT_2.username,
        lsr::sandbox::DEMO_ACCOUNT_2.password,
    );
    let started = Instant::now();
    let ((passed_1, waits_1), (passed_2, waits_2)) = rt.block_on(async {
        tokio::join!(
            search_burst(&sandbox.url, DEMO_ACCOUNT_1.account_id, USER_1, 20),
            search_burst(
                &sandbox.url,
                lsr::sandbox::DEMO_ACCOUNT_2.account_id,
                user_2,
                8
            ),
        )
    });
    let elapsed = started.elapsed();
    // Each account has its own 5 per second: a burst within one second passes 5 of each. (On a
    // machine so slow that the burst spanned more windows, each window passes at most 5.)
    let windows = usize::try_from(elapsed.as_secs()).unwrap() + 1;
    for (passed, waits, sent) in [(passed_1, &waits_1, 20), (passed_2, &waits_2, 8)] {
        assert_eq!(passed + waits.len(), sent);
        assert!(
            passed >= 5 && passed <= 5 * windows,
            "{passed} passed in {elapsed:?}"
        );
        assert!(waits.iter().all(|w| *w == 1), "Retry-After: {waits:?}");
    }
    if windows == 1 {
        assert_eq!((passed_1, passed_2), (5, 5));
    }
    // After the wait Retry-After asks for, requests pass again.
    std::thread::sleep(Duration::from_millis(1_100));
    let (passed, _) = rt.block_on(search_burst(
        &sandbox.url,
        DEMO_ACCOUNT_1.account_id,
        USER_1,
        3,
    ));
    assert_eq!(passed, 3);
    // The server counted every 429 it sent.
    let shown: serde_json::Value =
        serde_json::from_str(&sandbox.admin(&["--json", "faults", "show"])).unwrap();
    assert_eq!(shown["rate_limit"], 5);
    assert_eq!(shown["rate_limited"], waits_1.len() + waits_2.len());
    let text = sandbox.admin(&["faults", "show"]);
    assert!(text.contains("rate_limit\t5\n"), "{text}");
    assert!(
        text.contains(&format!(
            "rate_limited\t{}\n",
            waits_1.len() + waits_2.len()
        )),
        "{text}"
    );
    // Cleared: no limit, and nothing more is refused.
    sandbox.admin(&["faults", "clear"]);
    let (passed, waits) = rt.block_on(search_burst(
        &sandbox.url,
        DEMO_ACCOUNT_1.account_id,
        USER_1,
        12,
    ));
    assert_eq!((passed, waits.len()), (12, 0));
}
