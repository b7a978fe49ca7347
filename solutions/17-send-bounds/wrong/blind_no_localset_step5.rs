//! Wrong: step 5 calls tokio::task::spawn_local for each id but creates no LocalSet (relies on one being there).
//! expect: `spawn_local` called from outside of a `task::LocalSet`

pub async fn log_in_tasks(api: Api, ids: Vec<u32>, log: Rc<RefCell<Vec<String>>>) {
    let tasks: Vec<_> = ids
        .into_iter()
        .map(|id| {
            let (api, log) = (api.clone(), log.clone());
            tokio::task::spawn_local(async move {
                let user = api.fetch_user(id).await;
                log.borrow_mut().push(user.name);
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
}
