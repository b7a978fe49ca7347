//! Wrong: step 5 uses tokio::spawn for the per-id tasks that hold the Rc log.
//! expect: captured value is not `Send`

pub async fn log_in_tasks(api: Api, ids: Vec<u32>, log: Rc<RefCell<Vec<String>>>) {
    let tasks: Vec<_> = ids
        .into_iter()
        .map(|id| {
            let (api, log) = (api.clone(), log.clone());
            tokio::spawn(async move {
                let user = api.fetch_user(id).await;
                log.borrow_mut().push(user.name);
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
}
