//! Wrong: step 4 calls `tokio::time::advance(..)` without `.await` (rustc
//! only warns): the future is dropped unpolled, the clock never moves, and
//! the check fails the correct client at 0 ms.
//! expect: tokio::time::advance(d) is an async fn: without .await it does nothing

pub async fn check_poll_by_poll(client: Client) {
    use std::collections::VecDeque;
    use std::sync::atomic::{AtomicUsize, Ordering};
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

    fn scripted(
        peers: Vec<Mock>,
    ) -> (
        impl FnMut() -> Mock + Send + 'static,
        Arc<Mutex<Vec<Duration>>>,
    ) {
        let start = Instant::now();
        let starts = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&starts);
        let mut peers: VecDeque<Mock> = peers.into();
        let connect = move || {
            seen.lock().unwrap().push(start.elapsed());
            peers.pop_front().expect("no more peers scripted")
        };
        (connect, starts)
    }

    fn always(reply: &'static [u8]) -> (impl FnMut() -> Mock + Send + 'static, Arc<AtomicUsize>) {
        let count = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&count);
        let connect = move || {
            seen.fetch_add(1, Ordering::SeqCst);
            peer(reply)
        };
        (connect, count)
    }

    let (connect, starts) = scripted(vec![peer(b"503\n"), peer(b"200 hello\n")]);
    let mut call = tokio_test::task::spawn(client.get(connect, "/x"));
    tokio_test::assert_pending!(call.poll());
    assert_eq!(
        starts.lock().unwrap().len(),
        1,
        "attempts after the first poll"
    );
    tokio::time::advance(ms(99));
    assert!(!call.is_woken(), "woken before the backoff was over");
    tokio::time::advance(ms(1));
    assert!(call.is_woken(), "not woken when the backoff was over");
    tokio_test::assert_ready_eq!(call.poll(), Ok("hello".to_owned()));
    assert_eq!(starts.lock().unwrap().len(), 2);
    drop(call);

    let (connect, count) = always(b"503\n");
    let mut call = tokio_test::task::spawn(client.get(connect, "/x"));
    tokio_test::assert_pending!(call.poll());
    assert_eq!(count.load(Ordering::SeqCst), 1);
    drop(call);
    tokio::time::sleep(Duration::from_secs(10)).await;
    assert_eq!(
        count.load(Ordering::SeqCst),
        1,
        "attempts after the call was dropped"
    );
}
