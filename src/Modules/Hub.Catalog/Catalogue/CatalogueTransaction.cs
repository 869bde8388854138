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

        return await connection.InTransactionAsync(async () =>
        {
            try
            {
                return await work(now);
            }
            catch (DbUpdateException)
            {
                // A concurrency token, or a unique key another request took first (two nodes applying the same update
                // make the same version number): someone else changed it first; nothing of this attempt stays.
                return false;
            }
        }, cancellationToken, db);
    }
}
