//! Order creations per second against the sandbox: single-TN orders from 1, 8 and 32
//! concurrent clients over HTTP, the server in-process on its own runtime (release build).
//!
//! Run: `cargo bench --bench sandbox_create` (SANDBOX_BENCH_SECS sets the seconds per round).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use lsr::sandbox::{DEMO_ACCOUNT_1, SandboxConfig, embedded};

fn order_xml(pon: &str, tn: &str) -> String {
    format!(
        "<LsrOrder><Pon>{pon}</Pon><CustomerOrderId>{pon}</CustomerOrderId>\
         <AuthorizingPerson>Jim Hopkins</AuthorizingPerson><Subscriber>\
         <SubscriberType>BUSINESS</SubscriberType><BusinessName>Acme</BusinessName>\
         <ServiceAddress><HouseNumber>11</HouseNumber><StreetName>Park</StreetName>\
         <City>Raleigh</City><StateCode>NC</StateCode><Zip>27601</Zip></ServiceAddress>\
         </Subscriber><ListOfTelephoneNumbers><TelephoneNumber>{tn}</TelephoneNumber>\
         </ListOfTelephoneNumbers></LsrOrder>"
    )
}

fn main() {
    let seconds: u64 = std::env::var("SANDBOX_BENCH_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let dir = tempfile::tempdir().unwrap();
    let config = SandboxConfig::new(dir.path().join("sandbox"));
    let server = embedded::start_with(config).unwrap();
    let url = format!(
        "{}/accounts/{}/lsrorders",
        server.api_base_url(),
        DEMO_ACCOUNT_1.account_id
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let sequence = Arc::new(AtomicU64::new(0));
    for clients in [1usize, 8, 32] {
        let created = Arc::new(AtomicU64::new(0));
        let failed = Arc::new(AtomicU64::new(0));
        let started = Instant::now();
        let deadline = started + Duration::from_secs(seconds);
        runtime.block_on(async {
            let mut tasks = Vec::new();
            for _ in 0..clients {
                let (url, created, failed, sequence) = (
                    url.clone(),
                    created.clone(),
                    failed.clone(),
                    sequence.clone(),
                );
                tasks.push(tokio::spawn(async move {
                    let http = reqwest::Client::new();
                    while Instant::now() < deadline {
                        let n = sequence.fetch_add(1, Ordering::Relaxed);
                        // Lines 0000-0999 take the plain FOC path; 800 NXXs (N11 codes are
                        // not valid exchanges) give unique TNs.
                        let mut nxx = 200 + (n / 1000) % 800;
                        if nxx % 100 == 11 {
                            nxx += 1;
                        }
                        let tn = format!("919{nxx}{:04}", n % 1000);
                        let response = http
                            .post(&url)
                            .basic_auth(DEMO_ACCOUNT_1.username, Some(DEMO_ACCOUNT_1.password))
                            .header("Content-Type", "application/xml")
                            .body(order_xml(&format!("BENCH-{n}"), &tn))
                            .send()
                            .await;
                        match response {
                            Ok(r) if r.status().as_u16() == 201 => {
                                let _ = r.bytes().await;
                                created.fetch_add(1, Ordering::Relaxed);
                            }
                            _ => {
                                failed.fetch_add(1, Ordering::Relaxed);
                            }
                        }
                    }
                }));
            }
            for task in tasks {
                task.await.unwrap();
            }
        });
        let elapsed = started.elapsed().as_secs_f64();
        let created = created.load(Ordering::Relaxed);
        println!(
            "sandbox_create clients={clients:>2}: {:>7.0} creations/s ({created} in {elapsed:.1}s, {} failed)",
            created as f64 / elapsed,
            failed.load(Ordering::Relaxed)
        );
    }
    server.shutdown().unwrap();
}
