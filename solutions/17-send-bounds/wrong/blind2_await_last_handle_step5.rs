//! Wrong: step 5 spawn_locals a task per id but awaits only the last handle, as if it finished last: run_until returns when user 3 answers (200 ms), and the tasks still running (users 1 and 2) are dropped with the LocalSet. It passed while every user took 500 ms; the test now gives users 2 and 3 other latencies.
//! expect: awaited only some of the tasks

pub async fn log_in_tasks(api: Api, ids: Vec<u32>, log: Rc<RefCell<Vec<String>>>) {
    tokio::task::LocalSet::new()
        .run_until(async move {
            let mut last = None;
            for id in ids {
                let (api, log) = (api.clone(), log.clone());
                last = Some(tokio::task::spawn_local(async move {
                    let user = api.fetch_user(id).await;
                    log.borrow_mut().push(user.name);
                }));
            }
            if let Some(h) = last {
                h.await.unwrap();
            }
        })
        .await;
}
