//! Wrong: sleeps with `std::thread::sleep`, which blocks the runtime's only
//! thread for a real second and never moves tokio's clock: the answer comes
//! at 0 ms of virtual time.
//! expect: or it was a blocking `std::thread::sleep`

pub async fn fetch_data(console: &Console) -> String {
    console.print("fetching");
    std::thread::sleep(Duration::from_secs(1));
    "data".to_owned()
}
