//! Wrong: as `blind_no_bound` (no timeout around the call in step 2), with
//! the answering peer made on demand, so no scripted `Mock` is left over to
//! panic when the hung check is cut off: the hang is the only symptom.
//! expect: it was still waiting after 60 s of virtual time, and was cut off (let run on

pub async fn check_attempt_timeout(client: Client) {
    use std::sync::{Arc, Mutex};
    use std::time::Duration;
    use tokio::time::Instant;
    use tokio_test::io::{Builder, Mock};
    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn peer(reply: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(reply).build()
    }

    let silent = Builder::new()
        .write(b"GET /x\n")
        .wait(Duration::from_secs(3600))
        .build();
    let start = Instant::now();
    let starts = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&starts);
    let mut silent = Some(silent);
    let connect = move || {
        seen.lock().unwrap().push(start.elapsed());
        silent.take().unwrap_or_else(|| peer(b"200 hello\n"))
    };
    let answer = client.get(connect, "/x").await;
    assert_eq!(answer, Ok("hello".to_owned()));
    assert_eq!(*starts.lock().unwrap(), [ms(0), ms(1100)]);
}
