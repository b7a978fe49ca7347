//! Wrong: step 4's Boxed boxes the service's future, then boxes the box again (`Box::pin(inner)` of a `BoxFuture`): two allocations per call where one is the whole cost of dyn.
//! expect: but Boxed(users).fetch_boxed made 2 more

impl<S: Source + Sync> DynSource for Boxed<S> {
    fn fetch_boxed(&self, id: u32) -> BoxFuture<'_, String> {
        let inner: BoxFuture<'_, String> = Box::pin(self.0.fetch(id));
        Box::pin(inner)
    }
}
