using Hub.Data;
using Microsoft.EntityFrameworkCore;

namespace Hub.Catalog.Catalogue;

/// <summary>
/// One transaction for a catalogue change with the audit event and mail it writes (they follow the scope's
/// transaction). Inside a recipe, the recipe's transaction.
/// </summary>
internal static class CatalogueTransaction
{
    /// <summary>
    /// Runs <paramref name="work"/> (given the time) and commits when it returns true; false when it returned false or
    /// another request changed a row first (a concurrency token or a unique key).
    /// </summary>
    public static async Task<bool> RunAsync(HubConnection connection, DbContext db, TimeProvider clock, Func<DateTime, Task<bool>> work, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (connection.Transaction is not null)
        {
            await connection.FollowAsync(db, cancellationToken);
            return await work(now);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.FollowAsync(db, cancellationToken);
            bool done;
            try
            {
                done = await work(now);
            }
            catch (DbUpdateException)
            {
                // A concurrency token, or a unique key another request took first (two nodes applying the same update
                // make the same version number): someone else changed it first; nothing of this attempt stays.
                done = false;
            }

            if (done)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            return done;
        }
        finally
        {
            connection.EndTransaction();

            // The context reads on without the ended transaction (the next query of this scope would otherwise carry it).
            await connection.FollowAsync(db, CancellationToken.None);
        }
    }
}
