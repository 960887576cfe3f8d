using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace SocialWatch.Functions;

/// <summary>Every [Function] method of an assembly with the attribute of its trigger parameter: what the SDK turns into functions.metadata.</summary>
public static class FunctionDeclarations
{
    public static IEnumerable<(string Name, MethodInfo Method, TTrigger Trigger)> Of<TTrigger>(Assembly assembly)
        where TTrigger : Attribute =>
        from type in assembly.GetExportedTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
        let function = method.GetCustomAttribute<FunctionAttribute>()
        where function is not null
        let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<TTrigger>()).FirstOrDefault(a => a is not null)
        where trigger is not null
        select (function.Name, method, trigger);
}
