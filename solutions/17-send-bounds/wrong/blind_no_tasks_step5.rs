//! Wrong: step 5 spawns no task at all: join_all of plain futures sharing the Rc (same timing and log, but the README asks for a task per id via spawn_local).
//! expect: three calls, three tasks

pub async fn log_in_tasks(api: Api, ids: Vec<u32>, log: Rc<RefCell<Vec<String>>>) {
    let calls = ids.into_iter().map(|id| {
        let (api, log) = (api.clone(), log.clone());
        async move {
            let user = api.fetch_user(id).await;
            log.borrow_mut().push(user.name);
        }
    });
    futures::future::join_all(calls).await;
}
