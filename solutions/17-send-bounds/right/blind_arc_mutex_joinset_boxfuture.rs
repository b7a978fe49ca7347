//! Right: step 1 shares Arc<std Mutex<Vec>> filled by tokio::spawn'ed tasks in a JoinSet (lock in one statement after the .await);
//! step 2 ends the guard's scope with a block; step 3 uses futures::future::BoxFuture + FutureExt::boxed; step 4 spawns names() itself;
//! step 5 uses LocalSet::spawn_local and awaits the LocalSet itself (it completes when all its tasks are done), spawning in reverse order so the log comes out in another order.

pub async fn names(api: Api, ids: Vec<u32>) -> Vec<String> {
    let out = Arc::new(Mutex::new(vec![String::new(); ids.len()]));
    let mut set = tokio::task::JoinSet::new();
    for (i, id) in ids.into_iter().enumerate() {
        let (api, out) = (api.clone(), out.clone());
        set.spawn(async move {
            let name = api.fetch_user(id).await.name;
            out.lock().unwrap()[i] = name;
        });
    }
    while let Some(r) = set.join_next().await {
        r.unwrap();
    }
    let v = std::mem::take(&mut *out.lock().unwrap());
    v
}

pub async fn cached_user(api: Api, cache: Cache, id: u32) -> User {
    {
        let map = cache.lock().unwrap();
        if let Some(user) = map.get(&id) {
            return user.clone();
        }
    }
    let user = api.fetch_user(id).await;
    {
        let mut map = cache.lock().unwrap();
        map.entry(id).or_insert_with(|| user.clone());
    }
    user
}

pub fn calls(api: &Api, id: u32) -> Vec<Call> {
    use futures::future::{BoxFuture, FutureExt};
    let user: BoxFuture<'static, String> = {
        let api = api.clone();
        async move { api.fetch_user(id).await.name }.boxed()
    };
    let post: BoxFuture<'static, String> = {
        let api = api.clone();
        async move { api.fetch_post(id).await.to_string() }.boxed()
    };
    let data: BoxFuture<'static, String> = {
        let api = api.clone();
        async move { api.fetch_data(id).await }.boxed()
    };
    vec![user, post, data]
}

pub fn spawn_names(api: &Api, ids: &[u32]) -> JoinHandle<Vec<String>> {
    tokio::spawn(names(api.clone(), ids.to_vec()))
}

pub async fn log_in_tasks(api: Api, ids: Vec<u32>, log: Rc<RefCell<Vec<String>>>) {
    let local = tokio::task::LocalSet::new();
    for id in ids.into_iter().rev() {
        let (api, log) = (api.clone(), log.clone());
        local.spawn_local(async move {
            let user = api.fetch_user(id).await;
            log.borrow_mut().push(user.name);
        });
    }
    local.await;
}
