//! Wrong: step 3 steps the call with `futures::poll!` and checks the count
//! and the time, but not after the call returned: `starts over` gives up at
//! 700 ms, then retries in a spawned task.
//! expect: the mutant `starts over` slipped through your check

pub async fn check_gives_up(client: Client) {
    use std::pin::pin;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::task::Poll;
    use std::time::Duration;
    use tokio::time::{Instant, timeout};
    use tokio_test::io::{Builder, Mock};
    use world::retry::{Error, Failure};
    fn reply(line: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(line).build()
    }

    fn peers(
        first: Vec<Mock>,
        then: Option<&'static [u8]>,
    ) -> (impl FnMut() -> Mock + Send + 'static, Arc<AtomicUsize>) {
        let count = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&count);
        let first = Mutex::new(first.into_iter());
        let connect = move || {
            seen.fetch_add(1, Ordering::SeqCst);
            match first.lock().unwrap().next() {
                Some(mock) => mock,
                None => reply(then.expect("an attempt no peer was scripted for")),
            }
        };
        (connect, count)
    }

    let (connect, count) = peers(vec![], Some(b"503\n"));
    let start = Instant::now();
    let answer = timeout(Duration::from_secs(20), client.get(connect, "/x"))
        .await
        .expect("never gave up");
    assert_eq!(start.elapsed(), Duration::from_millis(700));
    assert_eq!(
        answer,
        Err(Error::GaveUp {
            attempts: 4,
            last: Failure::Unavailable
        })
    );
    assert_eq!(count.load(Ordering::SeqCst), 4);

    let (connect, count) = peers(vec![reply(b"404\n")], None);
    let mut call = pin!(client.get(connect, "/x"));
    assert_eq!(
        futures::poll!(call.as_mut()),
        Poll::Ready(Err(Error::NotFound))
    );
    assert_eq!(count.load(Ordering::SeqCst), 1);
}
