//! Wrong: step 3 reads the number of attempts from the error
//! (`GaveUp { attempts: 4, .. }`) and never counts at the peer: `five
//! attempts` makes 5 and reports 4.
//! expect: the mutant `five attempts` slipped through your check

pub async fn check_gives_up(client: Client) {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;
    use tokio::time::{Instant, timeout};
    use tokio_test::io::{Builder, Mock};
    use world::retry::{Error, Failure};
    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn peer(reply: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(reply).build()
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

    let (connect, _count) = always(b"503\n");
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the call never gave up");
    assert_eq!(
        answer,
        Err(Error::GaveUp {
            attempts: 4,
            last: Failure::Unavailable
        })
    );

    let (connect, count) = always(b"404\n");
    let start = Instant::now();
    let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
        .await
        .expect("the call hung on a 404");
    assert_eq!(answer, Err(Error::NotFound));
    assert_eq!(start.elapsed(), ms(0));
    assert_eq!(count.load(Ordering::SeqCst), 1, "a 404 was retried");
}
