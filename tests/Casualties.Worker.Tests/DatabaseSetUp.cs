using Casualties.Testing;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

[SetUpFixture]
public sealed class DatabaseSetUp
{
    [OneTimeSetUp]
    public Task Start() => TestCluster.Start();

    [OneTimeTearDown]
    public Task Stop() => TestCluster.StopAsync();
}
