using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Hub.Web;

/// <summary>
/// The resource localizers, remembering every text they found per UI culture. A <c>ResourceManager</c> look-up takes
/// locks (the resource set, its reader's cache) on every call; a form step makes dozens of them, and under load the
/// requests queued on those locks. The resources never change while the process runs, so a found text is the same
/// for the process's lifetime.
/// </summary>
internal sealed class CachedStringLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<Type, IStringLocalizer> byType = new();
    private readonly ConcurrentDictionary<(string BaseName, string Location), IStringLocalizer> byName = new();

    public IStringLocalizer Create(Type resourceSource) =>
        byType.GetOrAdd(resourceSource, static (type, factory) => new CachedStringLocalizer(factory.Create(type)), inner);

    public IStringLocalizer Create(string baseName, string location) =>
        byName.GetOrAdd((baseName, location), static (key, factory) => new CachedStringLocalizer(factory.Create(key.BaseName, key.Location)), inner);

    private sealed class CachedStringLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        // Only found texts are kept: their number is bounded by the resource files, whatever names callers ask for.
        private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> found = new();

        public LocalizedString this[string name]
        {
            get
            {
                ArgumentNullException.ThrowIfNull(name);
                var key = (CultureInfo.CurrentUICulture.Name, name);
                if (found.TryGetValue(key, out var text))
                {
                    return text;
                }

                text = inner[name];
                if (!text.ResourceNotFound)
                {
                    found.TryAdd(key, text);
                }

                return text;
            }
        }

        // As ResourceManagerStringLocalizer formats: the text (or the name when none is found) in the current culture.
        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var format = this[name];
                return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
    }
}
