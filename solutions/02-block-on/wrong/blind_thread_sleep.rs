//! Wrong: sleeps with `std::thread::sleep`, which blocks the runtime's only
//! thread for a real second and never moves tokio's clock: goodbye comes at
//! 0 ms of virtual time.
//! expect: or it was a blocking `std::thread::sleep`

pub async fn hello_goodbye(console: &Console) {
    console.print("hello");
    std::thread::sleep(std::time::Duration::from_secs(1));
    console.print("goodbye");
}
