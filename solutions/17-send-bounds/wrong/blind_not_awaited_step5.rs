//! Wrong: step 5 spawn_locals a task per id inside run_until but never awaits the handles: run_until returns at once, the tasks are dropped with the LocalSet, the log stays empty.
//! expect: returns when every task is done

pub async fn log_in_tasks(api: Api, ids: Vec<u32>, log: Rc<RefCell<Vec<String>>>) {
    tokio::task::LocalSet::new()
        .run_until(async move {
            for id in ids {
                let (api, log) = (api.clone(), log.clone());
                tokio::task::spawn_local(async move {
                    let user = api.fetch_user(id).await;
                    log.borrow_mut().push(user.name);
                });
            }
        })
        .await;
}
