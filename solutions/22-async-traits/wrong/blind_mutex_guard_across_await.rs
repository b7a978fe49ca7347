//! Wrong: Users counts its calls under a std::sync::Mutex and holds the guard across the API's .await: once the trait promises Send, this impl no longer fits.
//! expect: is not implemented for `std::sync::MutexGuard<'_, u32>`

pub struct Users {
    api: Api,
    calls: std::sync::Mutex<u32>,
}

impl Users {
    pub fn new(api: &Api) -> Users {
        Users {
            api: api.clone(),
            calls: std::sync::Mutex::new(0),
        }
    }
}

impl Source for Users {
    async fn fetch(&self, id: u32) -> String {
        #[allow(clippy::await_holding_lock)]
        let mut calls = self.calls.lock().unwrap();
        *calls += 1;
        self.api.fetch_user(id).await.name
    }
}
