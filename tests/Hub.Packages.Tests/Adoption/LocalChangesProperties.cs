using System.Text.Json.Nodes;
using Hub.Forms.Contracts;
using Hub.Packages.Contracts;
using Hub.Packages.Tests.Merging;

namespace Hub.Packages.Tests.Adoption;

/// <summary>
/// Properties of an adoption's overlay over 1,000 generated change sets (the merge properties' generator): the
/// overlay is empty exactly when nothing changed; taking every change gives the local version and taking none gives
/// the upstream one; taking some gives exactly those (a contribution carries what was chosen and nothing else); and a
/// lock on an element is reported when a change touches it, and not once its changes are left out.
/// </summary>
public sealed class LocalChangesProperties
{
    private const int Cases = 1000;

    public static TheoryData<int> Batches() => [0, 1, 2, 3, 4];

    [Theory]
    [MemberData(nameof(Batches))]
    public void The_overlay_of_generated_change_sets_selects_and_locks_by_element(int batch)
    {
        for (var seed = batch * (Cases / 5); seed < (batch + 1) * (Cases / 5); seed++)
        {
            var random = new Random(10_000 + seed);
            var upstream = KeyedMergeProperties.Generator.Service(random);
            var local = KeyedMergeProperties.Generator.Change(upstream, random, "o");
            var label = $"seed {10_000 + seed}";

            var changes = LocalChanges.Between(upstream, local);
            Assert.True(changes.Count == 0 == JsonNode.DeepEquals(upstream, local), $"{label}: the overlay is empty exactly when nothing changed");
            Assert.True(JsonNode.DeepEquals(local, LocalChanges.Select(upstream, local, _ => true)), $"{label}: taking every change is not the local version");
            Assert.True(JsonNode.DeepEquals(upstream, LocalChanges.Select(upstream, local, _ => false)), $"{label}: taking no change is not the upstream version");

            // Some of the elements' changes: exactly those arrive, and nothing of another element.
            var references = changes.Select(c => c.Reference).Distinct(StringComparer.Ordinal).ToList();
            var chosen = references.Where(_ => random.Next(2) == 0).ToHashSet(StringComparer.Ordinal);
            var selected = LocalChanges.Select(upstream, local, chosen.Contains)!;
            var arrived = LocalChanges.Between(upstream, selected);
            foreach (var change in changes.Where(c => chosen.Contains(c.Reference) && c.Kind != "moved" && !(c.Before is null && c.After is null)))
            {
                Assert.True(arrived.Any(a => a.Path == change.Path && a.Kind == change.Kind), $"{label}: the chosen change {change.Kind} {change.Path} did not arrive");
            }

            foreach (var change in arrived.Where(a => !(a.Before is null && a.After is null) && a.Kind != "moved"))
            {
                Assert.True(chosen.Contains(change.Reference), $"{label}: {change.Kind} {change.Path} of {change.Reference} arrived without being chosen");
            }

            // A lock on one element is reported exactly when a change touches it.
            if (references.Count > 0)
            {
                var lockedReference = references[random.Next(references.Count)];
                var policy = new AdaptationPolicy(true, [], [new LockedElement(lockedReference, new LocalizedText(new Dictionary<string, string> { ["sv"] = "Låst" }))]);
                var violations = LocalChanges.Violations(policy, upstream, local);
                Assert.Contains(violations, v => v.Change.Reference == lockedReference && v.Problem == "Adoption.Violation.Locked");

                // Left out, nothing of the element itself changes; a locked page still counts other elements added to or
                // removed from its list (that changes the page), which is what the list's own mark says.
                Assert.True(LocalChanges.Violations(policy, upstream, LocalChanges.Select(upstream, local, r => r != lockedReference)!)
                    .All(v => v.Change.Reference != lockedReference || v.Change is { Kind: "added" or "removed", Before: null, After: null }),
                    $"{label}: leaving out the locked element's changes still touches it");
            }
        }
    }
}
