//! Wrong: step 1 is a differential test against a `Client::reference()` of
//! its own: it catches every mutant, but it tests the client against a
//! reference it trusts, which real code does not have. A check tests the
//! client it is handed.
//! expect: your check made a client of its own

pub async fn check_backoff(client: Client) {
    use std::sync::{Arc, Mutex};
    use std::time::Duration;
    use tokio::time::{Instant, timeout};
    use tokio_test::io::{Builder, Mock};
    use world::retry::{Client, Error};
    fn peer(reply: &[u8]) -> Mock {
        Builder::new().write(b"GET /x\n").read(reply).build()
    }

    async fn timeline(client: Client) -> (Vec<Duration>, Result<String, Error>) {
        let start = Instant::now();
        let starts = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&starts);
        let connect = move || {
            seen.lock().unwrap().push(start.elapsed());
            peer(b"503\n")
        };
        let answer = timeout(Duration::from_secs(10), client.get(connect, "/x"))
            .await
            .expect("the call hung");
        let starts = starts.lock().unwrap().clone();
        (starts, answer)
    }
    let expected = timeline(Client::reference()).await;
    let got = timeline(client).await;
    assert_eq!(
        got, expected,
        "the client's attempts differ from the reference's"
    );
}
