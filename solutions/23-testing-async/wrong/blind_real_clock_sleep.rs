//! Wrong: step 1 written as a real-clock test: the call is spawned, the
//! check sleeps 150 ms of real time (`std::thread::sleep`) "to let it run",
//! then asserts that the second attempt has happened. The sleep blocks the
//! runtime's only thread and never moves the paused clock: the call has not
//! even started. (The blind answer awaited the call after its sleep, which
//! made the sleep harmless, the check right and only slower: real time is
//! not judged, so that form passes.)
//! expect: or it waits on the real clock (std::thread::sleep, a busy wait

pub async fn check_backoff(client: Client) {
    let attempts = Attempts::new();
    let connect = attempts.connect(|_| answers(b"503\n"));
    let _call = tokio::spawn(async move { client.get(connect, "/x").await });
    std::thread::sleep(Duration::from_millis(150));
    assert!(
        attempts.count() >= 2,
        "150 ms in, the second attempt (due at 100 ms) should have happened: {:?}",
        attempts.starts()
    );
}
