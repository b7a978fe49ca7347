//! Wrong: step 1 uses a real std::thread::sleep instead of the simulated legacy.sleep.
//! Real cause: a real sleep takes real time and no virtual time; the simulation cannot see it
//! expect: A real std::thread::sleep blocks the thread but the virtual clock never sees it

pub async fn blocking_handler(legacy: &Legacy) {
    std::thread::sleep(Duration::from_millis(300));
}
