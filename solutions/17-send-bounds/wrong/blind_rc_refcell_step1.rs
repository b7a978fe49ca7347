//! Wrong: step 1 is the colleague's version as given: Rc<RefCell<Vec>>> shared by the calls, held across fetch_user's .await.
//! expect: has type `Rc<RefCell<Vec<std::string::String>>>` which is not `Send`

pub async fn names(api: Api, ids: Vec<u32>) -> Vec<String> {
    let names = Rc::new(RefCell::new(vec![String::new(); ids.len()]));
    let calls = ids.iter().enumerate().map(|(i, &id)| {
        let (api, names) = (api.clone(), names.clone());
        async move {
            let user = api.fetch_user(id).await;
            names.borrow_mut()[i] = user.name;
        }
    });
    futures::future::join_all(calls).await;
    names.take()
}
