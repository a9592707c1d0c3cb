using Impulse.Generators.Model;

namespace Impulse.Generators.Emitting;

/// <summary>
/// Writes a function's <c>permissions</c>: its invoke grants, and its execution policy as an IAM policy
/// document. The policy keeps IAM's own key names (<c>Version</c>, <c>Statement</c>) so it can go to IAM as it is.
/// </summary>
internal static class PermissionsEmitter
{
    public const string PolicyVersion = "2012-10-17";

    public static void Write(JsonText json, PermissionSetModel permissions)
    {
        json.StartObject("permissions").StartArray("invoke");
        foreach (var grant in permissions.Invoke)
        {
            json.StartObject()
                .Property("sid", grant.Sid)
                .Property("principal", grant.Principal)
                .Property("action", InvokeGrantModel.Action)
                .Property("sourceArn", grant.SourceArn)
                .Property("sourceAccount", grant.SourceAccount)
                .Property("origin", grant.Origin)
                .EndObject();
        }
        json.EndArray();

        json.StartObject("execution").Property("Version", PolicyVersion).StartArray("Statement");
        foreach (var statement in permissions.Execution)
        {
            json.StartObject().Property("Sid", statement.Sid).Property("Effect", PolicyStatementModel.Effect);
            json.StartArray("Action");
            foreach (var action in statement.Actions)
                json.Value(action);
            json.EndArray().StartArray("Resource");
            foreach (var resource in statement.Resources)
                json.Value(resource);
            json.EndArray();
            if (statement.Condition is not null)
                json.RawProperty("Condition", statement.Condition);
            json.EndObject();
        }
        json.EndArray().EndObject().EndObject();
    }
}
