//! Right: Blind examination, second round: no Semaphore and no idle list: a
//! bounded tokio mpsc channel of size tokens (Some(conn) an idle connection,
//! None a free place with no connection) is both the count and the list;
//! waiters queue on a tokio Mutex around the Receiver (FIFO); the guard, made
//! before the connect's await, sends its token back on drop, so a connect
//! cancelled mid-way returns a None token. The deadline is a select! against a
//! sleep. (Converted: the answer's Slot guard is the PooledConn itself.)

pub struct Pool {
    db: Db,
    tx: tokio::sync::mpsc::Sender<Option<Conn>>,
    rx: Arc<tokio::sync::Mutex<tokio::sync::mpsc::Receiver<Option<Conn>>>>,
}

/// A place in the pool: gives its token back when dropped.
pub struct PooledConn {
    token: Option<Option<Conn>>,
    tx: tokio::sync::mpsc::Sender<Option<Conn>>,
}

impl Pool {
    pub fn new(db: Db, size: usize) -> Pool {
        let (tx, rx) = tokio::sync::mpsc::channel(size);
        for _ in 0..size {
            tx.try_send(Some(db.open())).expect("room for size");
        }
        Pool {
            db,
            tx,
            rx: Arc::new(tokio::sync::Mutex::new(rx)),
        }
    }

    pub async fn acquire(&self, wait: Duration) -> Result<PooledConn, PoolError> {
        let token = timeout(wait, async { self.rx.lock().await.recv().await })
            .await
            .map_err(|_| PoolError::Timeout)?
            .expect("the pool keeps a sender");
        let mut slot = PooledConn {
            token: None,
            tx: self.tx.clone(),
        };
        let conn = match token {
            Some(conn) => conn,
            None => {
                slot.token = Some(None); // cancelled during connect: the place goes back
                self.db.connect().await
            }
        };
        slot.token = Some(Some(conn));
        Ok(slot)
    }
}

impl Deref for PooledConn {
    type Target = Conn;
    fn deref(&self) -> &Conn {
        self.token.as_ref().and_then(Option::as_ref).expect("lent")
    }
}

impl DerefMut for PooledConn {
    fn deref_mut(&mut self) -> &mut Conn {
        self.token.as_mut().and_then(Option::as_mut).expect("lent")
    }
}

impl Drop for PooledConn {
    fn drop(&mut self) {
        if let Some(token) = self.token.take() {
            let token = match token {
                Some(conn) if conn.is_clean() => {
                    conn.checked_in();
                    Some(conn)
                }
                _ => None, // a half-used connection is dropped here: closed
            };
            self.tx.try_send(token).expect("capacity is the pool size");
        }
    }
}

pub async fn handle(pool: &Pool, query: Query) -> Result<String, HandlerError> {
    let request = async {
        let mut conn = pool
            .acquire(ACQUIRE_TIMEOUT)
            .await
            .map_err(|_| HandlerError::NoConnection)?;
        conn.query(&query).await.map_err(HandlerError::Query)
    };
    tokio::select! {
        out = request => out,
        _ = tokio::time::sleep(REQUEST_DEADLINE) => Err(HandlerError::Deadline),
    }
}
