//! Wrong: a right answer in every other way (attempts sent down a channel,
//! a peer that never answers, so the call gives up at 4700 ms), but step 3
//! never looks after the call returned: `starts over` gives up as it
//! should, then retries in a spawned task.
//! expect: the mutant `starts over` slipped through your check

pub async fn check_gives_up(client: Client) {
    use std::time::Duration;
    use tokio::sync::mpsc;
    use tokio::time::{Instant, timeout};
    use tokio_test::io::{Builder, Mock};
    use world::retry::{Error, Failure};
    const BOUND: Duration = Duration::from_secs(30);

    fn at(start: Instant, ms: u64) -> Instant {
        start + Duration::from_millis(ms)
    }

    fn connect_with(
        make: impl Fn(usize) -> Mock + Send + 'static,
    ) -> (
        impl FnMut() -> Mock + Send + 'static,
        mpsc::UnboundedReceiver<Instant>,
    ) {
        let (tx, rx) = mpsc::unbounded_channel();
        let mut n = 0;
        let connect = move || {
            tx.send(Instant::now()).expect("the test stopped listening");
            n += 1;
            make(n - 1)
        };
        (connect, rx)
    }

    fn drain(rx: &mut mpsc::UnboundedReceiver<Instant>) -> Vec<Instant> {
        let mut v = Vec::new();
        while let Ok(t) = rx.try_recv() {
            v.push(t);
        }
        v
    }

    fn reply(line: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(line).build()
    }

    fn silent() -> Mock {
        Builder::new()
            .write(b"GET /x\n")
            .wait(Duration::from_secs(3600))
            .build()
    }

    let start = Instant::now();
    let (connect, mut rx) = connect_with(|_| silent());
    let answer = timeout(BOUND, client.get(connect, "/x"))
        .await
        .expect("the call never gave up");
    let done = Instant::now();
    assert_eq!(
        answer,
        Err(Error::GaveUp {
            attempts: 4,
            last: Failure::TimedOut
        })
    );
    assert_eq!(done, at(start, 4700));
    assert_eq!(
        drain(&mut rx),
        [
            at(start, 0),
            at(start, 1100),
            at(start, 2300),
            at(start, 3700)
        ]
    );

    let (connect, mut rx) = connect_with(|n| {
        assert_eq!(n, 0, "a 404 was retried");
        reply(b"404\n")
    });
    let start = Instant::now();
    let answer = timeout(BOUND, client.get(connect, "/x"))
        .await
        .expect("the call hung on a 404");
    assert_eq!(answer, Err(Error::NotFound));
    assert_eq!(Instant::now(), start);
    assert_eq!(drain(&mut rx).len(), 1);
}
