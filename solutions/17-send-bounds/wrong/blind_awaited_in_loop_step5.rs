//! Wrong: step 5 spawn_locals each task and awaits its handle right away, in the loop: the tasks run one after another (1500 ms).
//! expect: the local tasks run concurrently

pub async fn log_in_tasks(api: Api, ids: Vec<u32>, log: Rc<RefCell<Vec<String>>>) {
    tokio::task::LocalSet::new()
        .run_until(async move {
            for id in ids {
                let (api, log) = (api.clone(), log.clone());
                tokio::task::spawn_local(async move {
                    let user = api.fetch_user(id).await;
                    log.borrow_mut().push(user.name);
                })
                .await
                .unwrap();
            }
        })
        .await;
}
