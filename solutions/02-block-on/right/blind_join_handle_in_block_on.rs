//! Right: sleeps until a deadline (`sleep_until`) in step 1, and in step 5
//! joins the user call with the job's `JoinHandle` inside one `block_on`.
//! (Its `worker_threads(available_parallelism)` for step 3 is a wrong answer:
//! `wrong/blind_tokio_main_cores.rs`.)

pub async fn hello_goodbye(console: &Console) {
    console.print("hello");
    tokio::time::sleep_until(tokio::time::Instant::now() + std::time::Duration::from_millis(1000))
        .await;
    console.print("goodbye");
}

pub fn sync_main(runtime: Runtime, api: &Api) -> User {
    let api2 = api.clone();
    let job = runtime.spawn(async move { api2.fetch_data(1).await });
    let (user, done) = runtime.block_on(async { tokio::join!(api.fetch_user(1), job) });
    done.expect("job panicked");
    user
}
