//! Wrong: scripts step 5's "reply in pieces" as one `.read(b"200 hello\n")`: each
//! `.read` is one piece, so no reply ever arrives in pieces, and a client
//! that reads once goes unseen.
//! expect: the mutant `one read` slipped through your check

pub async fn check_reply_reading(client: Client) {
    use std::collections::VecDeque;
    use std::sync::{Arc, Mutex};
    use std::time::Duration;
    use tokio::time::{Instant, timeout};
    use tokio_test::io::{Builder, Mock};

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn peer(reply: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(reply).build()
    }

    fn scripted(
        mocks: Vec<Mock>,
    ) -> (
        impl FnMut() -> Mock + Send + 'static,
        Arc<Mutex<Vec<Duration>>>,
    ) {
        let start = Instant::now();
        let starts = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&starts);
        let mut mocks: VecDeque<Mock> = mocks.into();
        let connect = move || {
            seen.lock().unwrap().push(start.elapsed());
            mocks.pop_front().expect("no more peers scripted")
        };
        (connect, starts)
    }

    // "in pieces": the reply is a separate read from the request
    let pieces = Builder::new()
        .write(b"GET /x\n")
        .read(b"200 hello\n")
        .build();
    let (connect, starts) = scripted(vec![pieces]);
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("pieces: hung");
    assert_eq!(answer, Ok("hello".to_owned()));
    assert_eq!(starts.lock().unwrap().len(), 1);

    let cut = Builder::new().write(b"GET /x\n").read(b"200 hel").build();
    let (connect, starts) = scripted(vec![cut, peer(b"200 hello\n")]);
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("cut off: hung");
    assert_eq!(answer, Ok("hello".to_owned()));
    assert_eq!(*starts.lock().unwrap(), [ms(0), ms(100)]);

    let open = Builder::new()
        .write(b"GET /x\n")
        .read(b"200 hello\n")
        .wait(Duration::from_secs(3600))
        .build();
    let (connect, _starts) = scripted(vec![open]);
    let t0 = Instant::now();
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("held open: hung");
    assert_eq!(answer, Ok("hello".to_owned()));
    assert_eq!(t0.elapsed(), ms(0), "answer should be taken at once");
}
