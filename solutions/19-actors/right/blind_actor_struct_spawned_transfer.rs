//! Right: other message variants (a `Cast` for the deposits nobody awaits)
//! and `transfer` as a `Move` message, the README's other fix: the handler
//! withdraws, then hands the wait for B's deposit to a task of its own and
//! returns, so no handler awaits another actor. The rest as the reference.

pub(crate) enum Msg {
    Add(u64, oneshot::Sender<u64>),
    Sub(u64, oneshot::Sender<u64>),
    Cast(u64),
    Read(oneshot::Sender<u64>),
    Stop(oneshot::Sender<u64>),
    Move {
        amount: u64,
        to: Account,
        done: oneshot::Sender<Result<(), ActorError>>,
    },
}

impl Actor {
    async fn run(mut self) {
        loop {
            let Some(req) = self.rx.recv().await else {
                return;
            };
            if let Msg::Stop(reply) = req {
                self.rx.close();
                while let Some(rest) = self.rx.recv().await {
                    self.one(rest).await;
                }
                let balance = self.store.read().await;
                let _ = reply.send(balance);
                return;
            }
            self.one(req).await;
        }
    }

    async fn add(&self, delta: i128) -> u64 {
        let now = self.store.read().await as i128;
        let next = (now + delta).max(0) as u64;
        self.store.write(next).await;
        next
    }

    async fn one(&mut self, req: Msg) {
        match req {
            Msg::Add(n, r) => {
                let v = self.add(n as i128).await;
                let _ = r.send(v);
            }
            Msg::Sub(n, r) => {
                let v = self.add(-(n as i128)).await;
                let _ = r.send(v);
            }
            Msg::Cast(n) => {
                self.add(n as i128).await;
            }
            Msg::Read(r) => {
                let _ = r.send(self.store.read().await);
            }
            Msg::Stop(r) => drop(r),
            Msg::Move { amount, to, done } => {
                self.add(-(amount as i128)).await;
                // The wait for the other actor runs outside this handler.
                tokio::spawn(async move {
                    let _ = done.send(to.deposit(amount).await.map(|_| ()));
                });
            }
        }
    }
}

impl Account {
    async fn call<T>(&self, req: impl FnOnce(oneshot::Sender<T>) -> Msg) -> Result<T, ActorError> {
        let (tx, rx) = oneshot::channel();
        if self.mailbox.send(req(tx)).await.is_err() {
            return Err(ActorError::Stopped);
        }
        match rx.await {
            Ok(v) => Ok(v),
            Err(_) => Err(ActorError::Stopped),
        }
    }

    pub async fn deposit(&self, amount: u64) -> Result<u64, ActorError> {
        self.call(|r| Msg::Add(amount, r)).await
    }

    pub async fn withdraw(&self, amount: u64) -> Result<u64, ActorError> {
        self.call(|r| Msg::Sub(amount, r)).await
    }

    pub async fn balance(&self) -> Result<u64, ActorError> {
        self.call(Msg::Read).await
    }

    pub async fn shutdown(&self) -> Result<u64, ActorError> {
        self.call(Msg::Stop).await
    }

    pub async fn send_deposit(&self, amount: u64) -> Result<(), ActorError> {
        match self.mailbox.send(Msg::Cast(amount)).await {
            Ok(()) => Ok(()),
            Err(_) => Err(ActorError::Stopped),
        }
    }

    pub fn try_deposit(&self, amount: u64) -> Result<(), ActorError> {
        use mpsc::error::TrySendError;
        match self.mailbox.try_send(Msg::Cast(amount)) {
            Ok(()) => Ok(()),
            Err(TrySendError::Full(_)) => Err(ActorError::Full),
            Err(TrySendError::Closed(_)) => Err(ActorError::Stopped),
        }
    }

    pub async fn transfer(&self, to: &Account, amount: u64) -> Result<(), ActorError> {
        let to = to.clone();
        self.call(|done| Msg::Move { amount, to, done }).await?
    }
}
