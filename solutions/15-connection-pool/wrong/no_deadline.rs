//! Wrong: the acquire has its timeout but the request has no deadline: a
//! 5 s query holds its handler, and its connection, for 5 s, and the
//! handler waiting behind it gives up.
//! expect: a request gets REQUEST_DEADLINE (2 s) in all

pub async fn handle(pool: &Pool, query: Query) -> Result<String, HandlerError> {
    let mut conn = pool
        .acquire(ACQUIRE_TIMEOUT)
        .await
        .map_err(|PoolError::Timeout| HandlerError::NoConnection)?;
    conn.query(&query).await.map_err(HandlerError::Query)
}
