using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Hub.Architecture.Tests;

/// <summary>Reads a built assembly of the hub (next to this test assembly) and lists the calls its methods make.</summary>
internal static class IlScan
{
    /// <summary>One call, constructor call included: the type that wrote it, the method it is in, and what it calls.</summary>
    public sealed record Call(TypeDefinition Type, MethodDefinition Method, MethodReference Target)
    {
        /// <summary>Lambdas and async state machines are nested types; they count as the type that wrote them.</summary>
        public TypeDefinition OuterType
        {
            get
            {
                var type = Type;
                while (type.DeclaringType is not null)
                {
                    type = type.DeclaringType;
                }

                return type;
            }
        }
    }

    /// <summary>Every call in <paramref name="assembly"/> whose target <paramref name="matches"/>.</summary>
    public static List<Call> Calls(string assembly, Func<MethodReference, bool> matches)
    {
        using var module = ModuleDefinition.ReadModule(
            typeof(IlScan).Assembly.Location.Replace("Hub.Architecture.Tests.dll", assembly + ".dll", StringComparison.Ordinal));
        return (from type in module.GetTypes()
                from method in type.Methods
                where method.HasBody
                from instruction in method.Body.Instructions
                where instruction.OpCode.Code is Code.Call or Code.Callvirt or Code.Newobj
                let target = instruction.Operand as MethodReference
                where target is not null && matches(target)
                select new Call(type, method, target)).ToList();
    }
}
